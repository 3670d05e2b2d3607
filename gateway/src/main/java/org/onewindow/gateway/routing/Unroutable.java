package org.onewindow.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.problem.infrastructure.ServiceUnavailable;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What the front door answers when no back office route matched: the reason, as a problem a clerk
 * can act on (malformed application, unknown jurisdiction or matter, mistyped case number), or a
 * 503 when the owning service is not deployed behind this gateway.
 */
@Component
class Unroutable {

    private final CatalogueLookup jurisdictions;
    private final ObjectMapper json;
    private final Clock clock;
    private final RoutingProperties properties;

    Unroutable(CatalogueLookup jurisdictions, ObjectMapper json, Clock clock, RoutingProperties properties) {
        this.jurisdictions = jurisdictions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    ServerResponse application(ServerRequest request) throws IOException {
        JsonNode body = body(request);
        List<FieldViolation> missing = new ArrayList<>();
        String jurisdiction = text(body, "jurisdiction", missing, "辖区", "jurisdiction");
        String matterCode = text(body, "matterCode", missing, "事项编码", "matter code");
        if (!missing.isEmpty()) {
            throw Rejection.invalid(missing.toArray(FieldViolation[]::new));
        }
        CatalogueVersion version = jurisdictions.inForce(jurisdiction, LocalDate.now(clock));
        Matter matter = jurisdictions.matter(version, matterCode);
        return notDeployed(matter.service().id());
    }

    ServerResponse caseRequest(ServerRequest request) {
        CaseNumber number = CaseNumber.parse(request.pathVariable("caseNumber"));
        return notDeployed(number.service().id());
    }

    private JsonNode body(ServerRequest request) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(CachedBody.rewound(request));
        } catch (IOException e) {
            throw Rejection.invalid(FieldViolation.of(
                    "body", "application.malformed", "申请内容不是有效的 JSON", "the application is not valid JSON"));
        }
        if (body == null || !body.isObject()) {
            throw Rejection.invalid(FieldViolation.of(
                    "body", "application.malformed", "申请内容应为 JSON 对象", "the application must be a JSON object"));
        }
        return body;
    }

    private static String text(JsonNode body, String field, List<FieldViolation> missing, String zh, String en) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            missing.add(FieldViolation.of(field, field + ".missing", "请填写" + zh, en + " is required"));
            return null;
        }
        return node.asText();
    }

    private ServerResponse notDeployed(String service) {
        return ServiceUnavailable.serverResponse(
                "back-office.not-deployed",
                "该事项的后台业务系统（" + service + "）尚未接入本窗口，请稍后重试",
                "the " + service + " back office is not connected to this front door",
                properties.openFor());
    }
}
