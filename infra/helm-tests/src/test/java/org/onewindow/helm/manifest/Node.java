package org.onewindow.helm.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** A null-safe view of one place in a parsed YAML document: a missing key is an absent node. */
public final class Node {

    private static final Node ABSENT = new Node(null);

    private final Object value;

    private Node(Object value) {
        this.value = value;
    }

    public static Node of(Object value) {
        return value == null ? ABSENT : new Node(value);
    }

    /** The node under a path of keys, absent when any of them is missing. */
    public Node at(String... keys) {
        Node node = this;
        for (String key : keys) {
            node = node.value instanceof Map<?, ?> map ? of(map.get(key)) : ABSENT;
        }
        return node;
    }

    public boolean isPresent() {
        return value != null;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> map && map.containsKey(key);
    }

    /** The elements of a sequence; none when this is not one. */
    public Stream<Node> items() {
        return value instanceof List<?> list ? list.stream().map(Node::of) : Stream.empty();
    }

    /** The entries of a map as (key, node) pairs; none when this is not one. */
    public Stream<Map.Entry<String, Node>> entries() {
        return value instanceof Map<?, ?> map
                ? map.entrySet().stream().map(e -> Map.entry(String.valueOf(e.getKey()), of(e.getValue())))
                : Stream.empty();
    }

    /** The scalar as text ("" when absent): numbers, booleans and strings alike. */
    public String text() {
        return value == null ? "" : String.valueOf(value);
    }

    public Object value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Node node && Objects.equals(value, node.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return text();
    }
}
