package org.onewindow.helm.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/** Look-ups into a rendering of the chart that the value tests share. */
final class Rendered {

    /** The apps every rendering has, and the database of each (none for the gateway). */
    static final Map<String, String> APPS = Map.of(
            "gateway", "",
            "enterprise-opening", "enterprise_opening",
            "construction-permit", "construction_permit",
            "property-registration", "property_registration",
            "utility-hookup", "utility_hookup",
            "supervision", "supervision");

    private Rendered() {}

    static String nameOf(String app) {
        return OneWindowChart.RELEASE + "-" + app;
    }

    static List<String> namesOfApps() {
        return APPS.keySet().stream().map(Rendered::nameOf).sorted().toList();
    }

    static Manifest one(Manifests manifests, String kind, String name) {
        return manifests.ofKind(kind).stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    /** An env var of a workload's first container. */
    static Optional<Node> env(Manifest workload, String variable) {
        return workload.at("spec", "template", "spec", "containers")
                .items()
                .findFirst()
                .flatMap(c -> c.at("env")
                        .items()
                        .filter(e -> e.at("name").text().equals(variable))
                        .findFirst());
    }

    static String envValue(Manifest workload, String variable) {
        return env(workload, variable)
                .map(e -> e.at("value").text())
                .orElseThrow(() -> new AssertionError(workload.ref() + " has no env " + variable));
    }
}
