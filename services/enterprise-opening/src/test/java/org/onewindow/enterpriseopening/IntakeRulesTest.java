package org.onewindow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.applicant;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 一窗受理 at the service: bad input gets problem+json and stores nothing; 补正 lists everything
 * missing at once; an Idempotency-Key never makes a second case; an applicant sees only their own.
 */
// no department system is needed before a licence is approved; point them nowhere
@CaseServiceTest(database = "eo_intake", properties = "onewindow.departments.base-url=http://127.0.0.1:9")
class IntakeRulesTest {

    static final String ACME_USCC = "91110105MA01FC010D";
    static final String OTHER_USCC = "91310115MA02LC022T";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvalidCreditCodeIsNamedAndNothingIsStored() {
        long before = cases();
        String body = bundleApplication("FC", "WINDOW")
                .replace("\"idNumber\":\"370402199001011234\"", "\"uscc\":\"91110105MA01FC010E\"");
        Reply reply = apply(port, clerk("FC"), body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("errors").findValuesAsText("field")).contains("applicant.uscc");
        assertThat(reply.body().path("errors").findValuesAsText("zh").toString())
                .contains("统一社会信用代码");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void missingCoreMaterialsAreReturnedForCorrectionWithTheWholeListAndNoCase() {
        long before = cases();
        String body =
                """
            {"jurisdiction":"FC","matterCode":"EO-1","channel":"WINDOW",
             "applicant":{"type":"PERSON","name":"示例（筹）","idNumber":"370402199001011234"},
             "materials":[{"code":"application-form","form":"PAPER"}],"data":{}}""";
        Reply reply = apply(port, clerk("FC"), body);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().path("outcome").asText()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(reply.body().has("caseNumber")).isFalse();
        assertThat(reply.body().path("missingMaterials").findValuesAsText("code"))
                .contains("articles-of-association", "legal-representative-id");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void onlyNonCoreMissingIsAcceptedWithADeficiencyAndASupplementDate() {
        String body = bundleApplication("FC", "WINDOW")
                .replace(",\n   {\"code\":\"premises-proof\",\"form\":\"COMMITMENT\"}", "")
                .replace("{\"code\":\"premises-proof\",\"form\":\"COMMITMENT\"},", "");
        Reply reply = apply(port, clerk("FC"), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("outcome").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
        assertThat(reply.body().path("missingMaterials").findValuesAsText("code"))
                .containsExactly("premises-proof");
        assertThat(reply.body().path("supplementDueAt").asText()).isNotBlank();

        // 补齐: the window hands in the owed proof; only owed materials, each with its reference
        String caseNumber = reply.body().path("caseNumber").asText();
        String path = "/api/v1/cases/" + caseNumber + "/supplements";
        Reply notOwed = call(
                port,
                "POST",
                path,
                clerk("FC"),
                null,
                "{\"materials\":[{\"code\":\"articles-of-association\",\"form\":\"PAPER\"}]}");
        assertThat(notOwed.status()).isEqualTo(400);
        assertThat(notOwed.body().path("errors").findValuesAsText("code")).containsExactly("material.not-owed");
        assertThat(call(
                                port,
                                "POST",
                                path,
                                clerk("FC"),
                                null,
                                "{\"materials\":[{\"code\":\"premises-proof\",\"form\":\"UPLOAD\"}]}")
                        .status())
                .as("an upload needs its reference")
                .isEqualTo(400);
        assertThat(call(
                                port,
                                "POST",
                                path,
                                clerk("LC"),
                                null,
                                "{\"materials\":[{\"code\":\"premises-proof\",\"form\":\"PAPER\"}]}")
                        .status())
                .isEqualTo(404);
        assertThat(call(
                                port,
                                "POST",
                                path,
                                clerk("FC"),
                                null,
                                "{\"materials\":[{\"code\":\"premises-proof\",\"form\":\"UPLOAD\",\"reference\":\"upload-77\"}]}")
                        .status())
                .isEqualTo(204);
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, clerk("FC"), null, null)
                        .body()
                        .path("owedMaterials"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_trail WHERE subject = ? AND action = 'case.supplement'")
                        .param(caseNumber)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void theSameKeyAndBodyReplayTheReceiptAndAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        String body = bundleApplication("FC", "WINDOW");
        Reply first = call(port, "POST", "/api/v1/applications", clerk("FC"), key, body);
        Reply retry = call(port, "POST", "/api/v1/applications", clerk("FC"), key, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_number = ?")
                        .param(first.body().path("caseNumber").asText())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        long before = cases();
        Reply other = call(port, "POST", "/api/v1/applications", clerk("FC"), key, body.replace("示例商贸", "另一家"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("code").asText()).isEqualTo("idempotency-key.reused");
        assertThat(cases()).isEqualTo(before);
        assertThat(call(port, "POST", "/api/v1/applications", clerk("FC"), null, body)
                        .status())
                .as("no key, no case")
                .isEqualTo(400);
    }

    @Test
    void unknownMatterJurisdictionOrAnotherServicesMatterIsAProblem() {
        assertThat(apply(port, clerk("FC"), bundleApplication("FC", "WINDOW").replace("EO-1", "EO-99"))
                        .status())
                .isEqualTo(404);
        Reply elsewhere =
                apply(port, clerk("FC"), bundleApplication("FC", "WINDOW").replace("EO-1", "UT-E1"));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().path("code").asText()).isEqualTo("matter.not-here");
        Reply notYet =
                apply(port, clerk("LC"), bundleApplication("LC", "WINDOW").replace("EO-1", "EO-3"));
        assertThat(notYet.status()).as("catalogued, no process model yet").isEqualTo(422);
        assertThat(notYet.body().path("code").asText()).isEqualTo("matter.not-available");
        Reply foreign =
                apply(port, clerk("FC"), bundleApplication("FC", "WINDOW").replace("\"FC\"", "\"XX\""));
        assertThat(foreign.status())
                .as("a clerk of FC accepts at the window for FC only")
                .isEqualTo(403);
        assertThat(foreign.body().path("code").asText()).isEqualTo("access.denied");
        Reply unknown = apply(port, clerk("FC"), bundleApplication("XX", "CROSS_REGION"));
        assertThat(unknown.status())
                .as("across regions the jurisdiction must exist")
                .isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("jurisdiction.unknown");
    }

    @Test
    void malformedOrOversizedOrWronglyTypedBodiesAreProblemsNamingTheField() {
        Reply malformed = apply(port, clerk("FC"), "{\"jurisdiction\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Reply wrongType =
                apply(port, clerk("FC"), bundleApplication("FC", "WINDOW").replace("\"WINDOW\"", "42"));
        assertThat(wrongType.status()).isEqualTo(400);
        Reply badForm =
                apply(port, clerk("FC"), bundleApplication("FC", "WINDOW").replace("\"PAPER\"", "\"FAX\""));
        assertThat(badForm.status()).isEqualTo(400);
        assertThat(badForm.body().toString()).contains("form");
        String huge = bundleApplication("FC", "WINDOW")
                .replace("\"data\":{", "\"data\":{\"note\":\"" + "x".repeat(300_000) + "\",");
        assertThat(apply(port, clerk("FC"), huge).status()).isEqualTo(413);
    }

    @Test
    void aClerkAcceptsOnlyForTheirJurisdictionAndAnApplicantOnlyOnline() {
        assertThat(apply(port, clerk("LC"), bundleApplication("FC", "WINDOW")).status())
                .isEqualTo(403);
        assertThat(apply(port, applicant("acme", ACME_USCC), bundleApplication("FC", "WINDOW"))
                        .status())
                .isEqualTo(403);
        assertThat(apply(port, clerk("LC"), bundleApplication("FC", "CROSS_REGION"))
                        .status())
                .as("异地受理: LC's window accepts for FC")
                .isEqualTo(201);
    }

    @Test
    void anApplicantSeesTheirOwnCaseAndNobodyElses() {
        String acme = applicant("acme-founder", ACME_USCC);
        Reply mine = apply(port, acme, bundleApplication("FC", "ONLINE"));
        assertThat(mine.status()).as(mine.body().toString()).isEqualTo(201);
        String caseNumber = mine.body().path("caseNumber").asText();
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, acme, null, null)
                        .status())
                .isEqualTo(200);
        Reply theirs = call(port, "GET", "/api/v1/cases/" + caseNumber, applicant("rival", OTHER_USCC), null, null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, clerk("LC"), null, null)
                        .status())
                .as("staff of another jurisdiction")
                .isEqualTo(404);
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, clerk("FC"), null, null)
                        .status())
                .isEqualTo(200);
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, null, null, null)
                        .status())
                .isEqualTo(401);

        // 我的办件: the applicant's list has their case, the rival's list does not
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/cases", acme, null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .contains(caseNumber);
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/cases", applicant("rival", OTHER_USCC), null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .doesNotContain(caseNumber);
        // the case page shows the materials as submitted; the history (audit) is for staff only
        JsonNode page = call(port, "GET", "/api/v1/cases/" + caseNumber, acme, null, null)
                .body();
        assertThat(page.path("materials").findValuesAsText("code")).contains("application-form", "premises-proof");
        Reply history = call(port, "GET", "/api/v1/cases/" + caseNumber + "/history", acme, null, null);
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.body().path("detailZh").asText()).contains("工作人员");
        JsonNode trail = call(port, "GET", "/api/v1/cases/" + caseNumber + "/history", clerk("FC"), null, null)
                .body();
        assertThat(trail.findValuesAsText("action")).contains("case.accept");
        assertThat(trail.get(0).path("actor").asText()).isEqualTo("acme-founder");
    }

    @Test
    void anApplicantWithdrawsBeforeTheDecisionAndTheAuditTrailSaysWhoAndWhy() {
        String acme = applicant("acme-withdraws", ACME_USCC);
        String caseNumber = apply(port, acme, bundleApplication("FC", "ONLINE"))
                .body()
                .path("caseNumber")
                .asText();
        assertThat(call(port, "POST", "/api/v1/cases/" + caseNumber + "/withdrawal", acme, null, "{}")
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/cases/" + caseNumber + "/withdrawal",
                                acme,
                                null,
                                "{\"reason\":\"改为设立分公司\"}")
                        .status())
                .isEqualTo(204);
        assertThat(call(port, "GET", "/api/v1/cases/" + caseNumber, acme, null, null)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("WITHDRAWN");
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/cases/" + caseNumber + "/withdrawal",
                                acme,
                                null,
                                "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT actor || '|' || action || '|' || reason FROM audit_trail"
                                + " WHERE subject = ? AND action = 'case.withdraw'")
                        .param(caseNumber)
                        .query(String.class)
                        .single())
                .isEqualTo("acme-withdraws|case.withdraw|改为设立分公司");
    }

    @Test
    void aSupervisorListsTheCasesOfTheirJurisdictionOnly() {
        String fcCase = apply(port, clerk("FC"), bundleApplication("FC", "WINDOW"))
                .body()
                .path("caseNumber")
                .asText();
        String lcCase = apply(port, clerk("LC"), bundleApplication("LC", "WINDOW"))
                .body()
                .path("caseNumber")
                .asText();
        String supervisor = org.onewindow.testkit.TestTokens.issue(
                "fc-supervisor", java.util.List.of("supervisor"), "FC", "service-centre", null);
        Reply list = call(port, "GET", "/api/v1/enterprise-opening/cases?status=IN_PROGRESS", supervisor, null, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("caseNumber")).contains(fcCase).doesNotContain(lcCase);
        assertThat(call(port, "GET", "/api/v1/cases/" + fcCase, supervisor, null, null)
                        .status())
                .isEqualTo(200);
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/cases", applicant("acme", ACME_USCC), null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .as("an applicant lists only their own cases")
                .doesNotContain(fcCase, lcCase);

        // the breach list: the level is the highest the SLA monitor stored for any clock of the case
        jdbc.sql("UPDATE case_clock SET level = 'RED' WHERE case_number = ?")
                .param(fcCase)
                .update();
        JsonNode red = call(
                        port, "GET", "/api/v1/enterprise-opening/cases?level=RED&matter=EO-1", supervisor, null, null)
                .body();
        assertThat(red.findValuesAsText("caseNumber")).contains(fcCase);
        assertThat(red.findValuesAsText("level")).containsOnly("RED");
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/cases?matter=EO-9", supervisor, null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .doesNotContain(fcCase);
        assertThat(call(
                                port,
                                "GET",
                                "/api/v1/enterprise-opening/cases?department=market-regulation&level=GREEN",
                                supervisor,
                                null,
                                null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .doesNotContain(fcCase);
        assertThat(call(
                                port,
                                "GET",
                                "/api/v1/enterprise-opening/cases",
                                TestTokens.issue("nobody", List.of(), null, null, null),
                                null,
                                null)
                        .status())
                .isEqualTo(403);
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/cases?status=SOMETIMES", supervisor, null, null)
                        .status())
                .isEqualTo(400);
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
    }
}
