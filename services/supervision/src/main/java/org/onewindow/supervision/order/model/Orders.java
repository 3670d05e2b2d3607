package org.onewindow.supervision.order.model;

import java.time.Instant;
import java.util.List;

/** The 督办 and 整改 the supervision service opened, by what caused each. */
public interface Orders {

    enum Kind {
        /** 督办: a case broke its promised limit. */
        SUPERVISION_ORDER,
        /** 整改: a case was rated badly. */
        RECTIFICATION
    }

    record Opened(
            String cause,
            Kind kind,
            String supervisedCase,
            String orderCase,
            String jurisdiction,
            String department,
            Instant openedAt) {}

    boolean exists(String cause);

    void record(Opened opened);

    /** The orders of a jurisdiction opened in [from, to), by department and kind. */
    List<Counted> opened(String jurisdiction, Instant from, Instant to);

    record Counted(String department, Kind kind, long orders) {}

    /** How many orders of {@code kind} a department of a jurisdiction has had since {@code from}. */
    long since(String jurisdiction, String department, Kind kind, Instant from);
}
