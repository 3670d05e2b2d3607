package org.onewindow.helm.check;

import java.util.List;
import org.onewindow.helm.manifest.Manifests;

/** Every rule a rendering of the chart must pass, whatever the values. */
public final class ChartChecks {

    private final List<Check> checks;

    public ChartChecks(ImagesAsExpected images) {
        this.checks = List.of(
                new ProbesAndResources(),
                new PortsConsistent(),
                images,
                new DisruptionBudgets(),
                new AutoscalerTargets(),
                new NoPlainCredentials(),
                new PodHardening());
    }

    public List<String> violations(Manifests manifests) {
        return checks.stream().flatMap(c -> c.violations(manifests).stream()).toList();
    }
}
