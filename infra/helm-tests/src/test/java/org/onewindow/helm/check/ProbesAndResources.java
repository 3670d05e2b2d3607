package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/**
 * Every container of every Deployment has a startup, liveness and readiness probe on its port named
 * management, and requests and limits of both cpu and memory.
 */
public final class ProbesAndResources implements Check {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (PodTemplate pod : PodTemplate.deployments(manifests)) {
            for (Node container : pod.containers()) {
                String ref = pod.ref(container);
                String management = PodTemplate.portNumber(container, "management");
                if (management.isEmpty()) {
                    violations.add(ref + ": no container port named management");
                }
                for (String probe : PROBES) {
                    String port = container.at(probe, "httpGet", "port").text();
                    boolean onManagement =
                            !management.isEmpty() && (port.equals("management") || port.equals(management));
                    if (!container.at(probe).isPresent()) {
                        violations.add(ref + ": no " + probe);
                    } else if (!onManagement) {
                        violations.add(
                                ref + ": " + probe + " is not an HTTP GET on the management port (port " + port + ")");
                    }
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.at("resources", bound, resource).text().isBlank()) {
                            violations.add(ref + ": no resources." + bound + "." + resource);
                        }
                    }
                }
            }
        }
        return violations;
    }
}
