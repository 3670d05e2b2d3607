package org.onewindow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.helm.chart.Rendered.env;
import static org.onewindow.helm.chart.Rendered.envValue;
import static org.onewindow.helm.chart.Rendered.nameOf;
import static org.onewindow.helm.chart.Rendered.one;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onewindow.helm.check.ChartChecks;
import org.onewindow.helm.check.ImagesAsExpected;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/** helm template with the chart's own values.yaml and nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultValuesTest {

    private final OneWindowChart chart = new OneWindowChart();
    private Manifests manifests;

    @BeforeAll
    void render() {
        manifests = chart.render(Map.of());
    }

    @Test
    void everyCheckPasses() {
        Node image = chart.defaultValues().at("image");
        ImagesAsExpected images = new ImagesAsExpected(
                image.at("registry").text(), image.at("prefix").text(), chart.appVersion());
        assertThat(new ChartChecks(images).violations(manifests)).isEmpty();
    }

    @Test
    void everyAppIsADeploymentWithAServiceAndABudget() {
        assertThat(manifests.namesOf("Deployment")).containsExactlyElementsOf(Rendered.namesOfApps());
        assertThat(manifests.namesOf("Service")).containsExactlyElementsOf(Rendered.namesOfApps());
        assertThat(manifests.namesOf("PodDisruptionBudget")).containsExactlyElementsOf(Rendered.namesOfApps());
    }

    @Test
    void theOptionalPartsAreOff() {
        for (String kind :
                new String[] {"HorizontalPodAutoscaler", "Ingress", "ServiceMonitor", "NetworkPolicy", "Job", "Secret"
                }) {
            assertThat(manifests.ofKind(kind)).as(kind).isEmpty();
        }
    }

    @Test
    void onlyTheGatewayIsExposedAndOnlyThroughClusterIpServices() {
        assertThat(manifests.ofKind("Service"))
                .allSatisfy(s -> assertThat(s.at("spec", "type").text()).isEqualTo("ClusterIP"));
    }

    @Test
    void aCaseServiceReachesItsOwnDatabaseWithPasswordsFromTheSecret() {
        Manifest eo = one(manifests, "Deployment", nameOf("enterprise-opening"));
        assertThat(envValue(eo, "ONEWINDOW_DB_URL")).isEqualTo("jdbc:postgresql://postgresql:5432/enterprise_opening");
        assertThat(envValue(eo, "ONEWINDOW_DB_APP_USER")).isEqualTo("enterprise_opening_app");
        assertThat(envValue(eo, "ONEWINDOW_DB_OWNER_USER")).isEqualTo("enterprise_opening_owner");
        Node password = env(eo, "ONEWINDOW_DB_APP_PASSWORD").orElseThrow().at("valueFrom", "secretKeyRef");
        assertThat(password.at("name").text()).isEqualTo("onewindow-db");
        assertThat(password.at("key").text()).isEqualTo("enterprise_opening-app-password");
        Node owner = env(eo, "ONEWINDOW_DB_OWNER_PASSWORD").orElseThrow().at("valueFrom", "secretKeyRef");
        assertThat(owner.at("key").text()).isEqualTo("enterprise_opening-owner-password");
        assertThat(envValue(eo, "ONEWINDOW_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
        assertThat(envValue(eo, "ONEWINDOW_ISSUER_URI")).isEqualTo("https://sso.example.org/realms/onewindow");
        assertThat(envValue(eo, "CAMUNDA_BPM_JOB_EXECUTION_ENABLED")).isEqualTo("true");
    }

    @Test
    void everyAppWithADatabaseGetsItsOwn() {
        Rendered.APPS.forEach((app, database) -> {
            Manifest deployment = one(manifests, "Deployment", nameOf(app));
            if (database.isEmpty()) {
                assertThat(env(deployment, "ONEWINDOW_DB_URL")).as(app).isEmpty();
            } else {
                assertThat(envValue(deployment, "ONEWINDOW_DB_URL")).as(app).endsWith("/" + database);
            }
        });
    }

    @Test
    void theGatewayRoutesToEachBackOfficesService() {
        Manifest gateway = one(manifests, "Deployment", nameOf("gateway"));
        Rendered.APPS.keySet().stream().filter(app -> !app.equals("gateway")).forEach(app -> {
            String variable = "ONEWINDOW_" + app.replace('-', '_').toUpperCase() + "_URL";
            assertThat(envValue(gateway, variable)).isEqualTo("http://" + nameOf(app) + ":8080");
            one(manifests, "Service", nameOf(app));
        });
        assertThat(envValue(gateway, "ONEWINDOW_CONSOLE_ISSUER")).isEqualTo("https://sso.example.org/realms/onewindow");
    }

    @Test
    void aSingleReplicaStaysEvictable() {
        Manifest budget = one(manifests, "PodDisruptionBudget", nameOf("supervision"));
        assertThat(budget.at("spec", "maxUnavailable").text()).isEqualTo("1");
        assertThat(budget.at("spec").has("minAvailable")).isFalse();
    }
}
