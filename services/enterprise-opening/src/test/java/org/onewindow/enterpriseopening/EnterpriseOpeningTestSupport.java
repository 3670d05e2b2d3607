package org.onewindow.enterpriseopening;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.TestTokens;

/** Enterprise opening's applications and logins; the calls are the test kit's. */
final class EnterpriseOpeningTestSupport {

    static final String SERVICE = "enterprise-opening";

    private EnterpriseOpeningTestSupport() {}

    static String clerk(String jurisdiction) {
        return TestTokens.clerk(jurisdiction);
    }

    static String approver(String jurisdiction) {
        return TestTokens.issue(
                jurisdiction.toLowerCase() + "-approver", List.of("approver"), jurisdiction, "market-regulation", null);
    }

    static String applicant(String username, String uscc) {
        return TestTokens.issue(username, List.of("applicant"), null, null, uscc);
    }

    /** The EO-1 bundle for a walk-in founder, every material presented. */
    static String bundleApplication(String jurisdiction, String channel) {
        return """
            {"jurisdiction":"%s","matterCode":"EO-1","channel":"%s",
             "applicant":{"type":"PERSON","name":"示例商贸有限公司（筹）","idNumber":"370402199001011234"},
             "materials":[
               {"code":"application-form","form":"PAPER"},
               {"code":"articles-of-association","form":"UPLOAD","reference":"upload-001"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-ID-370402199001011234"},
               {"code":"premises-proof","form":"COMMITMENT"},
               {"code":"officer-appointment","form":"PAPER"}],
             "data":{"registeredCapitalCny10k":100}}"""
                .formatted(jurisdiction, channel);
    }

    static Reply call(int port, String method, String path, String token, String idempotencyKey, String body) {
        return new CaseServiceClient(port, SERVICE).call(method, path, token, idempotencyKey, body);
    }

    static Reply call(
            int port,
            String method,
            String path,
            String token,
            String idempotencyKey,
            String body,
            java.util.Map<String, String> headers) {
        return new CaseServiceClient(port, SERVICE).call(method, path, token, idempotencyKey, body, headers);
    }

    static Reply apply(int port, String token, String body) {
        return new CaseServiceClient(port, SERVICE).apply(token, body);
    }

    /** Every event of the service's topic about one case, in order, written since {@code since}. */
    static List<JsonNode> eventsOf(String caseNumber, Instant since, int atLeast, Duration within) {
        return new CaseServiceClient(0, SERVICE).eventsOf(caseNumber, since, atLeast, within);
    }
}
