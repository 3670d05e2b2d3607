package org.onewindow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published event schemas (docs/events), registered under their $id, to hold emitted events
 * to. Found by walking up from the module's directory to the repository's docs/events.
 */
public final class EventSchemas {

    private static final Path DIR = schemaDirectory();
    private static final JsonSchemaFactory FACTORY = factory();

    private EventSchemas() {}

    /** What is wrong with an event against the schema of its type; empty when it conforms. */
    public static String violations(JsonNode event) {
        String type = event.path("type").asText();
        JsonSchema schema =
                FACTORY.getSchema(SchemaLocation.of("https://onewindow.example/events/" + type + ".schema.json"));
        Set<ValidationMessage> messages = schema.validate(event);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }

    private static Path schemaDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("docs/events");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        throw new IllegalStateException("no docs/events above " + Path.of("").toAbsolutePath());
    }

    private static JsonSchemaFactory factory() {
        Map<String, String> schemas = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                String text = Files.readString(file);
                schemas.put(json.readTree(text).path("$id").asText(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event schemas in " + DIR, e);
        }
        return JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012, builder -> builder.schemaLoaders(loaders -> loaders.schemas(schemas)));
    }
}
