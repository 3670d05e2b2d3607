package org.onewindow.helm.manifest;

/** One rendered Kubernetes object. */
public record Manifest(Node root) {

    public String kind() {
        return root.at("kind").text();
    }

    public String name() {
        return root.at("metadata", "name").text();
    }

    public Node at(String... keys) {
        return root.at(keys);
    }

    /** "Kind/name", the way violations name an object. */
    public String ref() {
        return kind() + "/" + name();
    }
}
