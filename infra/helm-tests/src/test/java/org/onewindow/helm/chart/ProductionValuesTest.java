package org.onewindow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.helm.chart.Rendered.envValue;
import static org.onewindow.helm.chart.Rendered.nameOf;
import static org.onewindow.helm.chart.Rendered.one;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onewindow.helm.check.ChartChecks;
import org.onewindow.helm.check.ImagesAsExpected;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/** helm template -f ci/production-values.yaml. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionValuesTest {

    private final OneWindowChart chart = new OneWindowChart();
    private Node values;
    private Manifests manifests;

    @BeforeAll
    void render() {
        values = chart.values(chart.productionValues());
        manifests = chart.render(chart.productionValues(), Map.of());
    }

    @Test
    void everyCheckPasses() {
        Node image = values.at("image");
        ImagesAsExpected images = new ImagesAsExpected(
                image.at("registry").text(),
                image.at("prefix").text(),
                image.at("tag").text());
        assertThat(new ChartChecks(images).violations(manifests)).isEmpty();
    }

    @Test
    void theAppsThatAutoscaleHaveAnHpaAndTheOthersTheirReplicas() {
        List<String> autoscaled = values.at("apps")
                .entries()
                .filter(e -> e.getValue().at("autoscaling", "enabled").text().equals("true"))
                .map(e -> nameOf(e.getKey()))
                .sorted()
                .toList();
        assertThat(autoscaled).isNotEmpty();
        assertThat(manifests.namesOf("HorizontalPodAutoscaler")).containsExactlyElementsOf(autoscaled);
        for (Manifest hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.at("spec", "metrics").items())
                    .anySatisfy(m -> assertThat(m.at("resource", "name").text()).isEqualTo("cpu"));
        }
        assertThat(one(manifests, "Deployment", nameOf("property-registration"))
                        .at("spec", "replicas")
                        .text())
                .isEqualTo("2");
    }

    @Test
    void severalReplicasKeepOneAvailableThroughDisruptions() {
        assertThat(manifests.ofKind("PodDisruptionBudget"))
                .hasSize(Rendered.APPS.size())
                .allSatisfy(b -> assertThat(b.at("spec", "minAvailable").text()).isEqualTo("1"));
    }

    @Test
    void theGatewayIsExposedThroughTheIngressWithTls() {
        Manifest ingress = one(manifests, "Ingress", nameOf("gateway"));
        assertThat(ingress.at("spec", "ingressClassName").text()).isEqualTo("nginx");
        Node rule = ingress.at("spec", "rules").items().findFirst().orElseThrow();
        assertThat(rule.at("host").text()).isEqualTo("onewindow.example.gov.cn");
        Node backend =
                rule.at("http", "paths").items().findFirst().orElseThrow().at("backend", "service");
        assertThat(backend.at("name").text()).isEqualTo(nameOf("gateway"));
        assertThat(backend.at("port", "name").text()).isEqualTo("http");
        Node tls = ingress.at("spec", "tls").items().findFirst().orElseThrow();
        assertThat(tls.at("secretName").text()).isEqualTo("onewindow-tls");
        assertThat(tls.at("hosts").items().map(Node::text)).containsExactly("onewindow.example.gov.cn");
    }

    @Test
    void theServiceMonitorScrapesEveryAppsManagementPort() {
        Manifest monitor = one(manifests, "ServiceMonitor", "onewindow");
        assertThat(monitor.at("metadata", "labels", "release").text()).isEqualTo("kube-prometheus-stack");
        Node endpoint = monitor.at("spec", "endpoints").items().findFirst().orElseThrow();
        assertThat(endpoint.at("port").text()).isEqualTo("management");
        assertThat(endpoint.at("path").text()).isEqualTo("/actuator/prometheus");
        Node selector = monitor.at("spec", "selector", "matchLabels");
        for (Manifest service : manifests.ofKind("Service")) {
            selector.entries().forEach(label -> assertThat(
                            service.at("metadata", "labels", label.getKey()).text())
                    .as(service.ref())
                    .isEqualTo(label.getValue().text()));
            assertThat(service.at("spec", "ports").items().map(p -> p.at("name").text()))
                    .contains("management");
        }
    }

    @Test
    void theManagementPortsAdmitOnlyTheMonitoringNamespace() {
        assertThat(manifests.namesOf("NetworkPolicy")).containsExactly(nameOf("back-offices"), nameOf("gateway"));
        for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
            List<Node> managementRules = policy.at("spec", "ingress")
                    .items()
                    .filter(r -> r.at("ports")
                            .items()
                            .anyMatch(p -> p.at("port").text().equals("management")))
                    .toList();
            assertThat(managementRules).as(policy.ref()).hasSize(1);
            assertThat(managementRules.get(0).at("from").items())
                    .singleElement()
                    .satisfies(from -> assertThat(
                                    from.at("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                                            .text())
                            .isEqualTo("monitoring"));
        }
    }

    @Test
    void theRealmImportJobReadsTheOperatorsConfigMapAndAdminSecret() {
        Manifest job = one(manifests, "Job", nameOf("realm-import") + "-1");
        Node pod = job.at("spec", "template", "spec");
        assertThat(pod.at("volumes").items().map(v -> v.at("configMap", "name").text()))
                .contains("onewindow-realm");
        assertThat(envValue(job, "KEYCLOAK_URL")).isEqualTo("https://sso.onewindow.example.gov.cn");
        assertThat(Rendered.env(job, "KEYCLOAK_ADMIN_PASSWORD")
                        .orElseThrow()
                        .at("valueFrom", "secretKeyRef", "name")
                        .text())
                .isEqualTo("onewindow-keycloak-admin");
    }

    @Test
    void theTopicJobCreatesEveryCaseEventTopicWithTwelvePartitions() {
        Manifest job = one(manifests, "Job", nameOf("kafka-topics") + "-1");
        assertThat(envValue(job, "PARTITIONS")).isEqualTo("12");
        assertThat(envValue(job, "TOPICS").split(" "))
                .containsExactlyInAnyOrder(Rendered.APPS.keySet().stream()
                        .filter(app -> !app.equals("gateway"))
                        .map(app -> "onewindow." + app + ".case-events")
                        .toArray(String[]::new));
    }
}
