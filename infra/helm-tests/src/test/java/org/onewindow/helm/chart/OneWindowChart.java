package org.onewindow.helm.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.onewindow.helm.manifest.Manifests;
import org.onewindow.helm.manifest.Node;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** helm/onewindow, linted and rendered by helm-java (Helm's own Go code, no helm binary). */
final class OneWindowChart {

    static final String RELEASE = "onewindow";
    static final String NAMESPACE = "onewindow";
    /** Rendered as for this cluster version: helm-java's own default (v1.20) is below the chart's kubeVersion. */
    static final String KUBE_VERSION = "1.31.0";

    private final Path chart = Path.of(System.getProperty("helm.chart", "../../helm/onewindow"))
            .toAbsolutePath()
            .normalize();
    private final Path work =
            Path.of(System.getProperty("helm.work", "target/helm-work")).toAbsolutePath();

    Path productionValues() {
        return chart.resolve("ci/production-values.yaml");
    }

    Node defaultValues() {
        return Node.of(load(chart.resolve("values.yaml")));
    }

    Node values(Path file) {
        return Node.of(load(file));
    }

    String appVersion() {
        return Node.of(load(chart.resolve("Chart.yaml"))).at("appVersion").text();
    }

    /** helm lint --strict of the chart with its own values.yaml. */
    LintResult lint() {
        return new Helm(chart).lint().strict().call();
    }

    /**
     * helm lint --strict with a values file over the defaults. helm-java's lint takes no values, so
     * this lints a copy of the chart whose values.yaml is the defaults merged with the file, as Helm
     * merges them.
     */
    LintResult lint(Path valuesFile) {
        Path copy = copyOfChart(valuesFile.getFileName().toString().replace(".yaml", ""));
        Map<String, Object> merged = merge(load(chart.resolve("values.yaml")), load(valuesFile));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        write(copy.resolve("values.yaml"), new Yaml(options).dump(merged));
        return new Helm(copy).lint().strict().call();
    }

    /** helm template with the default values and --set pairs. */
    Manifests render(Map<String, String> sets) {
        return parse(nameOf("default", sets), template(sets).call());
    }

    /** helm template -f valuesFile with --set pairs. */
    Manifests render(Path valuesFile, Map<String, String> sets) {
        String values = valuesFile.getFileName().toString().replace(".yaml", "");
        return parse(
                nameOf(values, sets), template(sets).withValuesFile(valuesFile).call());
    }

    private static String nameOf(String values, Map<String, String> sets) {
        return sets.isEmpty() ? values : values + "-set-" + Integer.toHexString(sets.hashCode());
    }

    /** Parses a rendering, kept as target/helm-work/rendered/<name>.yaml to look at. */
    private Manifests parse(String name, String yaml) {
        try {
            Files.createDirectories(work.resolve("rendered"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(work.resolve("rendered").resolve(name + ".yaml"), yaml);
        return Manifests.parse(yaml);
    }

    private TemplateCommand template(Map<String, String> sets) {
        TemplateCommand command = new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        sets.forEach(command::set);
        return command;
    }

    private Path copyOfChart(String name) {
        Path target = work.resolve(name).resolve(chart.getFileName());
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(Comparator.reverseOrder()).forEach(OneWindowChart::delete);
                }
            }
            try (Stream<Path> files = Files.walk(chart)) {
                for (Path source : files.toList()) {
                    Path dest = target.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing: maps merge key by key, anything else in the overlay replaces the base. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> under) {
                merged.put(key, merge((Map<String, Object>) under, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return loaded == null ? Map.of() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
