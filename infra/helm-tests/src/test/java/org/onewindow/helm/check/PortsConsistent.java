package org.onewindow.helm.check;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.helm.manifest.Manifest;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;

/**
 * Ports agree everywhere: each Service selects at least one Deployment whose containers have every
 * target port; each container tells the app its ports (SERVER_PORT for the port named http,
 * MANAGEMENT_SERVER_PORT for management); the Prometheus annotation names the management port.
 */
public final class PortsConsistent implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<PodTemplate> deployments = PodTemplate.deployments(manifests);
        for (Manifest service : manifests.ofKind("Service")) {
            servicePorts(service, deployments, violations);
        }
        for (PodTemplate pod : deployments) {
            for (Node container : pod.containers()) {
                envPort(pod, container, "http", "SERVER_PORT", violations);
                envPort(pod, container, "management", "MANAGEMENT_SERVER_PORT", violations);
            }
            Node annotations = pod.template().at("metadata", "annotations");
            if (annotations.at("prometheus.io/scrape").text().equals("true")) {
                String port = annotations.at("prometheus.io/port").text();
                boolean onManagement = pod.containers().stream()
                        .anyMatch(c -> PodTemplate.portNumber(c, "management").equals(port));
                if (!onManagement) {
                    violations.add(pod.owner().ref() + ": prometheus.io/port " + port
                            + " is not a container port named management");
                }
            }
        }
        return violations;
    }

    private static void servicePorts(Manifest service, List<PodTemplate> deployments, List<String> violations) {
        Node selector = service.at("spec", "selector");
        List<PodTemplate> selected = deployments.stream()
                .filter(d -> PodTemplate.selects(selector, d.labels()))
                .toList();
        if (selected.isEmpty()) {
            violations.add(service.ref() + ": selects no Deployment's pods");
            return;
        }
        for (Node port : service.at("spec", "ports").items().toList()) {
            Node target = port.at("targetPort").isPresent() ? port.at("targetPort") : port.at("port");
            for (PodTemplate pod : selected) {
                boolean found = pod.containers().stream()
                        .flatMap(c -> c.at("ports").items())
                        .anyMatch(p -> target.value() instanceof Number
                                ? p.at("containerPort").text().equals(target.text())
                                : p.at("name").text().equals(target.text()));
                if (!found) {
                    violations.add(service.ref() + ": port " + port.at("name").text() + " targets " + target.text()
                            + ", which no container of " + pod.owner().ref() + " has");
                }
            }
        }
    }

    private static void envPort(
            PodTemplate pod, Node container, String portName, String variable, List<String> violations) {
        String port = PodTemplate.portNumber(container, portName);
        if (port.isEmpty()) {
            return;
        }
        String told = container
                .at("env")
                .items()
                .filter(e -> e.at("name").text().equals(variable))
                .map(e -> e.at("value").text())
                .findFirst()
                .orElse(null);
        if (told == null) {
            violations.add(
                    pod.ref(container) + ": port " + portName + " is " + port + " but " + variable + " is not set");
        } else if (!told.equals(port)) {
            violations.add(
                    pod.ref(container) + ": port " + portName + " is " + port + " but " + variable + " is " + told);
        }
    }
}
