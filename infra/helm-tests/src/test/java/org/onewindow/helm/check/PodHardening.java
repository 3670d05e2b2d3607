package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/**
 * Every pod of every workload runs as non-root, and every container on a read-only root file system
 * with a writable /tmp mounted.
 */
public final class PodHardening implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (PodTemplate pod : PodTemplate.all(manifests)) {
            boolean podNonRoot =
                    pod.spec().at("securityContext", "runAsNonRoot").text().equals("true");
            for (Node container : pod.allContainers()) {
                String ref = pod.ref(container);
                if (!podNonRoot
                        && !container
                                .at("securityContext", "runAsNonRoot")
                                .text()
                                .equals("true")) {
                    violations.add(ref + ": may run as root (no runAsNonRoot)");
                }
                if (!container
                        .at("securityContext", "readOnlyRootFilesystem")
                        .text()
                        .equals("true")) {
                    violations.add(ref + ": root file system is writable");
                }
                boolean tmp = container.at("volumeMounts").items().anyMatch(m -> m.at("mountPath")
                        .text()
                        .equals("/tmp"));
                if (!tmp) {
                    violations.add(ref + ": no volume mounted on /tmp");
                }
            }
        }
        return violations;
    }
}
