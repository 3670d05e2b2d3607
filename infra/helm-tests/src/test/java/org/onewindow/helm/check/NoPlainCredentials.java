package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/**
 * No credential in plain text: the chart renders no Secret with data or stringData (the operator
 * creates them), and every env var named *PASSWORD, *SECRET or *TOKEN comes from a Secret
 * (valueFrom.secretKeyRef), never from a literal value.
 */
public final class NoPlainCredentials implements Check {

    private static final List<String> CREDENTIAL_SUFFIXES = List.of("PASSWORD", "SECRET", "TOKEN");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest secret : manifests.ofKind("Secret")) {
            for (String field : List.of("data", "stringData")) {
                if (secret.at(field).isPresent()) {
                    violations.add(secret.ref() + ": has " + field + " (Secrets are created by the operator)");
                }
            }
        }
        for (PodTemplate pod : PodTemplate.all(manifests)) {
            for (Node container : pod.allContainers()) {
                container.at("env").items().forEach(env -> {
                    String name = env.at("name").text();
                    if (!isCredential(name)) {
                        return;
                    }
                    if (env.has("value")) {
                        violations.add(pod.ref(container) + ": env " + name + " has a literal value");
                    } else if (!env.at("valueFrom", "secretKeyRef").isPresent()) {
                        violations.add(pod.ref(container) + ": env " + name + " does not come from a Secret");
                    }
                });
            }
        }
        return violations;
    }

    private static boolean isCredential(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return CREDENTIAL_SUFFIXES.stream().anyMatch(upper::endsWith);
    }
}
