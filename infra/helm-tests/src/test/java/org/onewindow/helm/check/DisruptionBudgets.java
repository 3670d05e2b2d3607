package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/**
 * A PodDisruptionBudget selects every Deployment's pods, and none forbids every eviction (which
 * blocks node drains): minAvailable stays below the fewest replicas the Deployment runs with (its
 * HPA's minimum, else its replicas), maxUnavailable above 0.
 */
public final class DisruptionBudgets implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<Manifest> budgets = manifests.ofKind("PodDisruptionBudget");
        for (PodTemplate pod : PodTemplate.deployments(manifests)) {
            List<Manifest> selecting = budgets.stream()
                    .filter(b -> PodTemplate.selects(b.at("spec", "selector", "matchLabels"), pod.labels()))
                    .toList();
            if (selecting.isEmpty()) {
                violations.add(pod.owner().ref() + ": no PodDisruptionBudget selects its pods");
            }
            int fewest = fewestReplicas(pod.owner(), manifests);
            for (Manifest budget : selecting) {
                Node minAvailable = budget.at("spec", "minAvailable");
                Node maxUnavailable = budget.at("spec", "maxUnavailable");
                if (minAvailable.value() instanceof Number min && min.intValue() >= fewest) {
                    violations.add(budget.ref() + ": minAvailable " + min + " of " + fewest + " replica(s) of "
                            + pod.owner().ref() + " forbids every eviction");
                }
                if (maxUnavailable.value() instanceof Number max && max.intValue() <= 0) {
                    violations.add(budget.ref() + ": maxUnavailable " + max + " forbids every eviction");
                }
            }
        }
        return violations;
    }

    private static int fewestReplicas(Manifest deployment, Manifests manifests) {
        return manifests.ofKind("HorizontalPodAutoscaler").stream()
                                .filter(h -> h.at("spec", "scaleTargetRef", "kind")
                                                .text()
                                                .equals("Deployment")
                                        && h.at("spec", "scaleTargetRef", "name")
                                                .text()
                                                .equals(deployment.name()))
                                .map(h -> h.at("spec", "minReplicas"))
                                .findFirst()
                                .orElse(deployment.at("spec", "replicas"))
                                .value()
                        instanceof Number n
                ? n.intValue()
                : 1;
    }
}
