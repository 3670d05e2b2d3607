package org.onewindow.helm.manifest;

import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects of a multi-document YAML stream, as `helm template` prints them. */
public record Manifests(List<Manifest> all) {

    public static Manifests parse(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Manifest> objects = StreamSupport.stream(parser.loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull)
                .map(document -> new Manifest(Node.of(document)))
                .toList();
        return new Manifests(objects);
    }

    public List<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    public List<String> namesOf(String kind) {
        return ofKind(kind).stream().map(Manifest::name).sorted().toList();
    }
}
