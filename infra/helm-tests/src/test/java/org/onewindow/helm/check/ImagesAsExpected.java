package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/** Each Deployment of app X (label app.kubernetes.io/component) runs {@code <registry>/<prefix>/onewindow-X:<tag>}. */
public final class ImagesAsExpected implements Check {

    private final String registry;
    private final String prefix;
    private final String tag;

    public ImagesAsExpected(String registry, String prefix, String tag) {
        this.registry = registry;
        this.prefix = prefix;
        this.tag = tag;
    }

    public String imageOf(String app) {
        return Stream.of(registry, prefix, "onewindow-" + app)
                        .filter(part -> part != null && !part.isEmpty())
                        .collect(Collectors.joining("/"))
                + ":" + tag;
    }

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (PodTemplate pod : PodTemplate.deployments(manifests)) {
            String app = pod.labels().at("app.kubernetes.io/component").text();
            if (app.isEmpty()) {
                violations.add(pod.owner().ref() + ": no app.kubernetes.io/component label on its pods");
                continue;
            }
            for (Node container : pod.containers()) {
                String image = container.at("image").text();
                if (!image.equals(imageOf(app))) {
                    violations.add(pod.ref(container) + ": image " + image + ", expected " + imageOf(app));
                }
            }
        }
        return violations;
    }
}
