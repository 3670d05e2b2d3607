package org.onewindow.kernel.catalogue.infrastructure;

import java.util.List;
import java.util.stream.Collectors;

/** A catalogue that must not be served: start-up stops with every defect listed. */
public class InvalidCatalogueException extends RuntimeException {
    private final transient List<CatalogueDefect> defects;

    public InvalidCatalogueException(List<CatalogueDefect> defects) {
        super("The matter catalogue is invalid (" + defects.size() + " defect(s)):\n  "
                + defects.stream().map(CatalogueDefect::toString).collect(Collectors.joining("\n  ")));
        this.defects = List.copyOf(defects);
    }

    public List<CatalogueDefect> defects() {
        return defects;
    }
}
