package org.onewindow.kernel.catalogue.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads every catalogue version found at {@code <location>/<JURISDICTION>/<version>/*.yaml}
 * (by default {@code classpath*:catalogue}, shipped by the workflow-models module) and validates it
 * completely: any defect stops start-up with a message naming file, matter and field.
 */
public final class CatalogueLoader {

    private static final Pattern PATH = Pattern.compile(".*/([A-Z]{2})/([^/]+)/([a-z-]+)\\.yaml$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ResourcePatternResolver resolver;

    public CatalogueLoader() {
        this(new PathMatchingResourcePatternResolver());
    }

    public CatalogueLoader(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    public Catalogue load(String location) {
        Map<String, Map<String, Resource>> byVersion = new TreeMap<>();
        List<CatalogueDefect> defects = new ArrayList<>();
        for (Resource resource : resources(location + "/*/*/*.yaml")) {
            String path = description(resource);
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                defects.add(new CatalogueDefect(path, null, "(path)", "must be <JURISDICTION>/<version>/<file>.yaml"));
                continue;
            }
            byVersion
                    .computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new TreeMap<>())
                    .put(m.group(1) + "/" + m.group(2) + "/" + m.group(3) + ".yaml", resource);
        }
        if (byVersion.isEmpty() && defects.isEmpty()) {
            defects.add(new CatalogueDefect(location, null, "(location)", "no catalogue files found"));
        }
        CatalogueParser parser = new CatalogueParser();
        List<CatalogueVersion> versions = new ArrayList<>();
        byVersion.forEach((dir, files) -> {
            String headerName = dir + "/jurisdiction.yaml";
            Resource header = files.remove(headerName);
            if (header == null) {
                defects.add(new CatalogueDefect(headerName, null, "(file)", "missing"));
                return;
            }
            Map<String, JsonNode> services = new TreeMap<>();
            files.forEach((name, resource) -> services.put(name, read(resource, name, defects)));
            services.values().removeIf(n -> n == null);
            JsonNode headerNode = read(header, headerName, defects);
            if (headerNode == null) {
                return;
            }
            CatalogueVersion version = parser.parse(headerName, headerNode, services);
            if (version != null) {
                if (!dir.equals(version.jurisdiction().code() + "/" + version.version())) {
                    defects.add(new CatalogueDefect(
                            headerName, null, "jurisdiction/version", "must match the directory " + dir));
                }
                versions.add(version);
            }
        });
        defects.addAll(parser.defects());
        if (!defects.isEmpty()) {
            throw new InvalidCatalogueException(defects);
        }
        return new Catalogue(versions);
    }

    private Resource[] resources(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list catalogue files at " + pattern, e);
        }
    }

    private static JsonNode read(Resource resource, String name, List<CatalogueDefect> defects) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode node = YAML.readTree(in);
            if (node == null || !node.isObject()) {
                defects.add(new CatalogueDefect(name, null, "(file)", "must hold a YAML mapping"));
                return null;
            }
            return node;
        } catch (IOException e) {
            defects.add(new CatalogueDefect(name, null, "(yaml)", e.getMessage()));
            return null;
        }
    }

    private static String description(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }
}
