package org.onewindow.kernel.catalogue.infrastructure;

/** One thing wrong in a catalogue file: where (file, matter, field) and what. */
public record CatalogueDefect(String file, String matter, String field, String problem) {
    @Override
    public String toString() {
        return file + (matter == null ? "" : " matter " + matter) + " field " + field + ": " + problem;
    }
}
