package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;

/**
 * Every HorizontalPodAutoscaler scales a rendered Deployment, and that Deployment leaves its replica
 * count to it (a rendered spec.replicas would reset the count on every upgrade).
 */
public final class AutoscalerTargets implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String target = hpa.at("spec", "scaleTargetRef", "name").text();
            Manifest deployment = manifests.ofKind("Deployment").stream()
                    .filter(d -> d.name().equals(target))
                    .findFirst()
                    .orElse(null);
            if (deployment == null) {
                violations.add(hpa.ref() + ": scales " + target + ", which is no rendered Deployment");
            } else if (deployment.at("spec").has("replicas")) {
                violations.add(deployment.ref() + ": has spec.replicas although " + hpa.ref() + " scales it");
            }
        }
        return violations;
    }
}
