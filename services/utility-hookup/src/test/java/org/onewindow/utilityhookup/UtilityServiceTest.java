package org.onewindow.utilityhookup;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Material;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.TestTokens;
import org.onewindow.testkit.WindowApplication;
import org.onewindow.testkit.WithDepartmentSystems;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the utility service tests share: the utility companies' systems (the testkit's {@link
 * WithDepartmentSystems}) and window applications built from the catalogue.
 */
abstract class UtilityServiceTest extends WithDepartmentSystems {

    static final String USCC = "91110105MA01FC010D";
    static final String ENTERPRISE = "示例电子科技有限公司";

    @Autowired
    CatalogueLookup catalogue;

    CaseServiceClient client;

    /** The enterprise's window application with every material of the matter on paper. */
    String application(String jurisdiction, String matterCode, Map<String, Object> data) {
        Matter matter = catalogue.matter(catalogue.inForce(jurisdiction, LocalDate.of(2026, 11, 24)), matterCode);
        List<String> materials = matter.materials().stream().map(Material::code).toList();
        return WindowApplication.onPaper(jurisdiction, matterCode, ENTERPRISE, USCC, materials, data);
    }

    static String clerk(String jurisdiction) {
        return TestTokens.staff("clerk", jurisdiction, "service-centre");
    }

    static String staffOf(String department, String jurisdiction) {
        return TestTokens.staff("approver", jurisdiction, department);
    }

    JsonNode awaitTask(String token, String caseNumber, String activity) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> client.taskOf(token, caseNumber, activity).orElse(null), t -> t != null);
    }

    void complete(String token, String caseNumber, String activity) {
        JsonNode task = awaitTask(token, caseNumber, activity);
        var done = client.complete(token, task.path("id").asText(), "{\"decision\":\"APPROVED\"}");
        if (done.status() != 204 && done.status() != 200) {
            throw new AssertionError(activity + ": " + done.status() + " " + done.body());
        }
    }

    JsonNode file(String caseNumber, String jurisdiction) {
        return client.read(TestTokens.staff("supervisor", jurisdiction, "service-centre"), caseNumber)
                .body();
    }

    static JsonNode clock(JsonNode file, String name) {
        for (JsonNode c : file.path("clocks")) {
            if (name.equals(c.path("clock").asText())) {
                return c;
            }
        }
        throw new AssertionError("no clock " + name + " in " + file.path("clocks"));
    }
}
