package org.onewindow.kernel.catalogue.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every published version of every jurisdiction's catalogue. New cases take the newest version in
 * force on their acceptance date; a running case keeps the version it was accepted under.
 */
public final class Catalogue {

    private final Map<String, List<CatalogueVersion>> byJurisdiction;

    public Catalogue(Collection<CatalogueVersion> versions) {
        this.byJurisdiction = versions.stream()
                .collect(Collectors.groupingBy(
                        v -> v.jurisdiction().code(),
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), l -> l.stream()
                                .sorted(Comparator.comparing(
                                        (CatalogueVersion v) -> v.jurisdiction().effectiveFrom()))
                                .toList())));
    }

    public Collection<String> jurisdictions() {
        return byJurisdiction.keySet();
    }

    public boolean knows(String jurisdiction) {
        return byJurisdiction.containsKey(jurisdiction);
    }

    /** The version in force on a date: the newest that took effect on or before it. */
    public Optional<CatalogueVersion> inForce(String jurisdiction, LocalDate on) {
        return byJurisdiction.getOrDefault(jurisdiction, List.of()).stream()
                .filter(v -> !v.jurisdiction().effectiveFrom().isAfter(on))
                .reduce((a, b) -> b);
    }

    /** A specific version, as a running case names it. */
    public Optional<CatalogueVersion> version(String jurisdiction, String version) {
        return byJurisdiction.getOrDefault(jurisdiction, List.of()).stream()
                .filter(v -> v.version().equals(version))
                .findFirst();
    }

    public List<CatalogueVersion> versions(String jurisdiction) {
        return byJurisdiction.getOrDefault(jurisdiction, List.of());
    }

    /** The service that owns a matter code, whatever the jurisdiction. */
    public Optional<OwningService> owner(String matterCode) {
        return byJurisdiction.values().stream()
                .flatMap(List::stream)
                .flatMap(v -> v.matter(matterCode).stream())
                .map(Matter::service)
                .findFirst();
    }
}
