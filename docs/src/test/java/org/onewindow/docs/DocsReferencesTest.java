package org.onewindow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the docs honest: links resolve, event schemas are well-formed, decisions match the data. */
class DocsReferencesTest {

    private static final Path DOCS = Path.of("").toAbsolutePath();
    private static final Path ROOT = DOCS.getParent();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
    private static final Pattern DECISION_ROW =
            Pattern.compile("^\\| (D-[A-Z]{2,3}-[A-Z0-9-]+) \\| ([A-Z]{2,3}) \\|", Pattern.MULTILINE);
    private static final Pattern EVENT_ROW = Pattern.compile("^\\| `([a-z]+\\.[a-z-]+)`", Pattern.MULTILINE);

    @Test
    void everyRelativeLinkInTheDocsAndReadmeResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>(markdown(DOCS));
        pages.add(ROOT.resolve("README.md"));
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(3);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyEventTypeInTheTableHasAWellFormedSchemaNamedAfterIt() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Matcher m = EVENT_ROW.matcher(Files.readString(DOCS.resolve("events.md")));
        List<String> types = new ArrayList<>();
        while (m.find()) {
            types.add(m.group(1));
        }
        assertThat(types).contains("case.accepted", "case.sla-breached", "enterprise.established");
        for (String type : types) {
            Path file = DOCS.resolve("events/" + type + ".schema.json");
            assertThat(file).as("schema of " + type).exists();
            JsonNode schema = json.readTree(file.toFile());
            assertThat(schema.path("$id").asText()).endsWith("/events/" + type + ".schema.json");
            assertThat(schema.path("$schema").asText()).contains("2020-12");
            assertThat(schema.toString()).as(type + " fixes its type").contains("\"const\":\"" + type + "\"");
        }
    }

    /** The decision table is for readers; the catalogue files are what runs. Neither may drift. */
    @Test
    void everyDecisionInTheTableIsInItsJurisdictionsCatalogueAndBack() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Matcher m = DECISION_ROW.matcher(Files.readString(DOCS.resolve("catalogue-decisions.md")));
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            if (!m.group(2).equals("ALL")) {
                documented.add(m.group(2) + " " + m.group(1));
            }
        }
        Set<String> catalogued = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("workflow-models/src/main/resources/catalogue"))) {
            for (Path file : files.filter(p -> p.endsWith("jurisdiction.yaml")).toList()) {
                JsonNode header = yaml.readTree(file.toFile());
                header.path("decisions")
                        .forEach(d -> catalogued.add(header.path("jurisdiction").asText() + " "
                                + d.path("id").asText()));
            }
        }
        assertThat(documented).hasSizeGreaterThan(80);
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(documented);
    }

    private static List<Path> markdown(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
    }
}
