package org.onewindow.helm.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.helm.manifest.Manifests;

/** Every check fails on a small hand-written manifest that breaks its rule, and passes a sound one. */
class ChecksCatchBadManifestsTest {

    private static final String SOUND =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: demo}
            spec:
              replicas: 2
              selector: {matchLabels: {app.kubernetes.io/component: demo}}
              template:
                metadata:
                  labels: {app.kubernetes.io/component: demo}
                  annotations: {prometheus.io/scrape: "true", prometheus.io/port: "9090"}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: demo
                      image: reg/pre/onewindow-demo:1.0
                      ports:
                        - {name: http, containerPort: 8080}
                        - {name: management, containerPort: 9090}
                      env:
                        - {name: SERVER_PORT, value: "8080"}
                        - {name: MANAGEMENT_SERVER_PORT, value: "9090"}
                        - name: DB_PASSWORD
                          valueFrom: {secretKeyRef: {name: db, key: pw}}
                      startupProbe: {httpGet: {path: /actuator/health/liveness, port: management}}
                      livenessProbe: {httpGet: {path: /actuator/health/liveness, port: management}}
                      readinessProbe: {httpGet: {path: /actuator/health/readiness, port: 9090}}
                      resources:
                        requests: {cpu: 500m, memory: 768Mi}
                        limits: {cpu: "2", memory: 1Gi}
                      securityContext: {readOnlyRootFilesystem: true}
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: demo}
            spec:
              selector: {app.kubernetes.io/component: demo}
              ports:
                - {name: http, port: 8080, targetPort: http}
                - {name: management, port: 9090, targetPort: 9090}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: demo}
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  app.kubernetes.io/component: demo
            """;

    private final ChartChecks checks = new ChartChecks(new ImagesAsExpected("reg", "pre", "1.0"));

    @Test
    void aSoundManifestPasses() {
        assertThat(checks.violations(Manifests.parse(SOUND))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachBreakageIsReported(String what, UnaryOperator<String> breakage, String reported) {
        String broken = breakage.apply(SOUND);
        assertThat(broken).as("the breakage changes the manifest").isNotEqualTo(SOUND);
        assertThat(checks.violations(Manifests.parse(broken)))
                .as(what)
                .anyMatch(violation -> violation.contains(reported));
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                breakage(
                        "no startup probe",
                        replace(
                                "          startupProbe: {httpGet: {path: /actuator/health/liveness, port: management}}\n",
                                ""),
                        "Deployment/demo container demo: no startupProbe"),
                breakage(
                        "liveness on the API port",
                        replace(
                                "livenessProbe: {httpGet: {path: /actuator/health/liveness, port: management}}",
                                "livenessProbe: {httpGet: {path: /actuator/health/liveness, port: http}}"),
                        "livenessProbe is not an HTTP GET on the management port"),
                breakage(
                        "liveness not over HTTP",
                        replace(
                                "livenessProbe: {httpGet: {path: /actuator/health/liveness, port: management}}",
                                "livenessProbe: {tcpSocket: {port: management}}"),
                        "livenessProbe is not an HTTP GET on the management port"),
                breakage(
                        "readiness on another port number",
                        replace("/actuator/health/readiness, port: 9090", "/actuator/health/readiness, port: 8080"),
                        "readinessProbe is not an HTTP GET on the management port (port 8080)"),
                breakage(
                        "no memory limit",
                        replace("limits: {cpu: \"2\", memory: 1Gi}", "limits: {cpu: \"2\"}"),
                        "no resources.limits.memory"),
                breakage(
                        "no cpu request",
                        replace("requests: {cpu: 500m, memory: 768Mi}", "requests: {memory: 768Mi}"),
                        "no resources.requests.cpu"),
                breakage(
                        "a Service target port name the pods lack",
                        replace(
                                "{name: http, port: 8080, targetPort: http}",
                                "{name: http, port: 8080, targetPort: web}"),
                        "Service/demo: port http targets web, which no container of Deployment/demo has"),
                breakage(
                        "a Service target port number the pods lack",
                        replace("port: 9090, targetPort: 9090}", "port: 9090, targetPort: 9091}"),
                        "targets 9091"),
                breakage(
                        "a Service selecting no pods",
                        replace(
                                "  selector: {app.kubernetes.io/component: demo}",
                                "  selector: {app.kubernetes.io/component: other}"),
                        "Service/demo: selects no Deployment's pods"),
                breakage(
                        "SERVER_PORT not the http port",
                        replace("{name: SERVER_PORT, value: \"8080\"}", "{name: SERVER_PORT, value: \"8081\"}"),
                        "port http is 8080 but SERVER_PORT is 8081"),
                breakage(
                        "MANAGEMENT_SERVER_PORT missing",
                        replace("            - {name: MANAGEMENT_SERVER_PORT, value: \"9090\"}\n", ""),
                        "MANAGEMENT_SERVER_PORT is not set"),
                breakage(
                        "the scrape annotation on the API port",
                        replace("prometheus.io/port: \"9090\"", "prometheus.io/port: \"8080\""),
                        "prometheus.io/port 8080 is not a container port named management"),
                breakage(
                        "another image tag",
                        replace("reg/pre/onewindow-demo:1.0", "reg/pre/onewindow-demo:latest"),
                        "image reg/pre/onewindow-demo:latest, expected reg/pre/onewindow-demo:1.0"),
                breakage(
                        "no PodDisruptionBudget for the pods",
                        replace(
                                "      app.kubernetes.io/component: demo\n",
                                "      app.kubernetes.io/component: other\n"),
                        "Deployment/demo: no PodDisruptionBudget selects its pods"),
                breakage(
                        "a PodDisruptionBudget that forbids every eviction",
                        replace("  minAvailable: 1", "  minAvailable: 2"),
                        "minAvailable 2 of 2 replica(s) of Deployment/demo forbids every eviction"),
                breakage(
                        "an HPA over a Deployment that sets its replicas",
                        append(
                                """
                                apiVersion: autoscaling/v2
                                kind: HorizontalPodAutoscaler
                                metadata: {name: demo}
                                spec:
                                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: demo}
                                  minReplicas: 3
                                  maxReplicas: 6
                                """),
                        "Deployment/demo: has spec.replicas although HorizontalPodAutoscaler/demo scales it"),
                breakage(
                        "an HPA of nothing",
                        append(
                                """
                                apiVersion: autoscaling/v2
                                kind: HorizontalPodAutoscaler
                                metadata: {name: ghost}
                                spec:
                                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ghost}
                                  minReplicas: 2
                                  maxReplicas: 6
                                """),
                        "scales ghost, which is no rendered Deployment"),
                breakage(
                        "a Secret with its values",
                        append(
                                """
                                apiVersion: v1
                                kind: Secret
                                metadata: {name: db}
                                stringData: {pw: hunter2}
                                """),
                        "Secret/db: has stringData"),
                breakage(
                        "a password as a literal",
                        replace(
                                "- name: DB_PASSWORD\n              valueFrom: {secretKeyRef: {name: db, key: pw}}",
                                "- {name: DB_PASSWORD, value: hunter2}"),
                        "env DB_PASSWORD has a literal value"),
                breakage(
                        "a password from a ConfigMap",
                        replace(
                                "valueFrom: {secretKeyRef: {name: db, key: pw}}",
                                "valueFrom: {configMapKeyRef: {name: db, key: pw}}"),
                        "env DB_PASSWORD does not come from a Secret"),
                breakage(
                        "a writable root file system",
                        replace("securityContext: {readOnlyRootFilesystem: true}", "securityContext: {}"),
                        "root file system is writable"),
                breakage(
                        "root allowed",
                        replace("securityContext: {runAsNonRoot: true}", "securityContext: {}"),
                        "may run as root"),
                breakage(
                        "no writable /tmp",
                        replace("volumeMounts: [{name: tmp, mountPath: /tmp}]", "volumeMounts: []"),
                        "no volume mounted on /tmp"));
    }

    private static Arguments breakage(String what, UnaryOperator<String> breakage, String reported) {
        return Arguments.of(what, breakage, reported);
    }

    private static UnaryOperator<String> replace(String sound, String broken) {
        return manifest -> {
            assertThat(manifest)
                    .as("the sound manifest holds the text to break")
                    .contains(sound);
            return manifest.replace(sound, broken);
        };
    }

    private static UnaryOperator<String> append(String document) {
        return manifest -> manifest + "---\n" + document;
    }
}
