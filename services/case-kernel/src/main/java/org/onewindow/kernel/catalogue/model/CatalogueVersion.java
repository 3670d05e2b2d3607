package org.onewindow.kernel.catalogue.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One immutable, published version of a jurisdiction's catalogue. */
public record CatalogueVersion(Jurisdiction jurisdiction, Map<String, Matter> matters) {

    public CatalogueVersion {
        matters = Collections.unmodifiableMap(new LinkedHashMap<>(matters));
    }

    public String version() {
        return jurisdiction.version();
    }

    public Optional<Matter> matter(String code) {
        return Optional.ofNullable(matters.get(code));
    }

    public List<Matter> list() {
        return List.copyOf(matters.values());
    }
}
