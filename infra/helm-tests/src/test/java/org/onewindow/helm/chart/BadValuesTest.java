package org.onewindow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.helm.check.ChartChecks;
import org.onewindow.helm.check.ImagesAsExpected;
import org.onewindow.helm.manifest.Manifests;

/** Values that break a rule render, and the checks report them. */
class BadValuesTest {

    private final OneWindowChart chart = new OneWindowChart();
    private final ChartChecks checks =
            new ChartChecks(new ImagesAsExpected("registry.example.org", "onewindow", chart.appVersion()));

    @Test
    void aPasswordGivenAsAPlainExtraEnvValueIsReported() {
        Manifests manifests = chart.render(Map.of(
                "apps.enterprise-opening.extraEnv[0].name", "SMTP_PASSWORD",
                "apps.enterprise-opening.extraEnv[0].value", "hunter2"));
        assertThat(checks.violations(manifests))
                .containsExactly("Deployment/onewindow-enterprise-opening container enterprise-opening:"
                        + " env SMTP_PASSWORD has a literal value");
    }

    @Test
    void anotherImageTagIsReported() {
        Manifests manifests = chart.render(Map.of("image.tag", "latest"));
        assertThat(checks.violations(manifests))
                .hasSize(Rendered.APPS.size())
                .allMatch(v -> v.contains(":latest, expected registry.example.org/onewindow/onewindow-"));
    }

    @Test
    void missingLimitsAreReported() {
        Manifests manifests = chart.render(Map.of(
                "defaults.resources.limits", "null",
                "apps.gateway.resources.limits", "null"));
        assertThat(checks.violations(manifests))
                .contains("Deployment/onewindow-gateway container gateway: no resources.limits.memory")
                .contains("Deployment/onewindow-supervision container supervision: no resources.limits.cpu");
    }
}
