package org.onewindow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm lint --strict: no error and no warning, with the default values and the production-like ones. */
class ChartLintTest {

    private final OneWindowChart chart = new OneWindowChart();

    @Test
    void theDefaultValuesLintClean() {
        assertClean(chart.lint());
    }

    @Test
    void theProductionValuesLintClean() {
        assertClean(chart.lint(chart.productionValues()));
    }

    @Test
    void aTemplateThatCannotRenderFailsTheLint(@TempDir Path dir) throws IOException {
        // the Ingress reads ingress.tls.secretName: with tls gone it cannot render
        Path broken = Files.writeString(dir.resolve("broken-values.yaml"), "ingress:\n  enabled: true\n  tls: null\n");
        LintResult result = chart.lint(broken);
        String messages = String.join("\n", result.getMessages());
        assertThat(result.isFailed()).as(messages).isTrue();
        assertThat(messages).contains("[ERROR] templates/").contains("ingress.yaml");
    }

    private static void assertClean(LintResult result) {
        String messages = String.join("\n", result.getMessages());
        System.out.println("helm lint --strict:\n" + messages);
        assertThat(result.isFailed()).as(messages).isFalse();
        assertThat(result.getMessages()).as(messages).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }
}
