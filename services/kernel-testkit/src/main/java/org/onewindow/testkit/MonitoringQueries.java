package org.onewindow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The PromQL of the Grafana dashboards and Prometheus alert rules in {@code infra/observability},
 * with the metric names each query reads, so a test can hold them to what a service really exposes.
 */
public final class MonitoringQueries {

    /** One query: where it is (file and panel or rule) and its expression. */
    public record Query(String where, String expr) {

        /** Queries of the gateway's own metrics say so with {@code application="gateway"}. */
        public boolean ofGateway() {
            return expr.contains("application=\"gateway\"");
        }

        /** The metric names the expression reads. */
        public Set<String> metrics() {
            return metricNames(expr);
        }
    }

    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private MonitoringQueries() {}

    /** Every query of every dashboard and alert rule under infra/observability. */
    public static List<Query> all() {
        Path dir = directory();
        List<Query> queries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir.resolve("grafana"))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(new Query(
                                file.getFileName() + " · " + panel.path("title").asText(),
                                target.path("expr").asText()));
                    }
                }
            }
            Map<String, Object> rules = new Yaml().load(Files.readString(dir.resolve("prometheus/alerts.yml")));
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> r = (Map<?, ?>) rule;
                    queries.add(new Query("alerts.yml · " + r.get("alert"), String.valueOf(r.get("expr"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards and rules in " + dir, e);
        }
        return queries;
    }

    /** The metric names in a PromQL expression: not functions, keywords, label names or durations. */
    static Set<String> metricNames(String expr) {
        String bare = RANGE.matcher(
                        GROUPING.matcher(LABELS.matcher(expr).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            String name = m.group();
            boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The sample names of a Prometheus text-format scrape. */
    public static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path observability = dir.resolve("infra/observability");
            if (Files.isDirectory(observability)) {
                return observability;
            }
        }
        throw new IllegalStateException(
                "no infra/observability above " + Path.of("").toAbsolutePath());
    }
}
