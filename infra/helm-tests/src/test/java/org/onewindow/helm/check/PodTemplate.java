package org.onewindow.helm.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/** The pod template of a workload (Deployment, StatefulSet, DaemonSet, Job, CronJob). */
record PodTemplate(Manifest owner, Node template) {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    static List<PodTemplate> all(Manifests manifests) {
        return manifests.all().stream()
                .flatMap(m -> {
                    if (WORKLOADS.contains(m.kind())) {
                        return Stream.of(new PodTemplate(m, m.at("spec", "template")));
                    }
                    if (m.kind().equals("CronJob")) {
                        return Stream.of(new PodTemplate(m, m.at("spec", "jobTemplate", "spec", "template")));
                    }
                    return Stream.empty();
                })
                .toList();
    }

    static List<PodTemplate> deployments(Manifests manifests) {
        return manifests.ofKind("Deployment").stream()
                .map(m -> new PodTemplate(m, m.at("spec", "template")))
                .toList();
    }

    Node labels() {
        return template.at("metadata", "labels");
    }

    Node spec() {
        return template.at("spec");
    }

    /** The app containers (not the init containers). */
    List<Node> containers() {
        return spec().at("containers").items().toList();
    }

    /** Containers and init containers. */
    List<Node> allContainers() {
        return Stream.concat(
                        spec().at("initContainers").items(),
                        spec().at("containers").items())
                .toList();
    }

    /** "Kind/name container c", the way violations name a container. */
    String ref(Node container) {
        return owner.ref() + " container " + container.at("name").text();
    }

    /** The number of a container port by its name, "" when it has none of that name. */
    static String portNumber(Node container, String portName) {
        return container
                .at("ports")
                .items()
                .filter(p -> p.at("name").text().equals(portName))
                .map(p -> p.at("containerPort").text())
                .findFirst()
                .orElse("");
    }

    /** True when every label of a matchLabels selector is on the labels; an empty selector matches nothing. */
    static boolean selects(Node matchLabels, Node labels) {
        List<Map.Entry<String, Node>> wanted = matchLabels.entries().toList();
        return !wanted.isEmpty()
                && wanted.stream()
                        .allMatch(e ->
                                labels.at(e.getKey()).text().equals(e.getValue().text()));
    }
}
