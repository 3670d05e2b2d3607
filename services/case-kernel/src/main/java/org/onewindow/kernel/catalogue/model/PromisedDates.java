package org.onewindow.kernel.catalogue.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;

/**
 * The statutory clock of each jurisdiction, with that jurisdiction's office hours, and the date a
 * matter accepted at a given moment would be due: the promise printed on the 受理回执.
 */
public final class PromisedDates {

    private final Catalogue catalogue;
    private final HolidayCalendar calendar;
    private final ZoneId zone;
    private final Map<OfficeHours, StatutoryClock> clocks = new ConcurrentHashMap<>();

    public PromisedDates(Catalogue catalogue, HolidayCalendar calendar, ZoneId zone) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The clock of a catalogue version's jurisdiction. */
    public StatutoryClock clockOf(Jurisdiction jurisdiction) {
        return clocks.computeIfAbsent(jurisdiction.officeHours(), hours -> new StatutoryClock(calendar, hours, zone));
    }

    /** The jurisdiction's clock as of a date, from the catalogue version in force then. */
    public Optional<StatutoryClock> clockOf(String jurisdiction, LocalDate on) {
        return catalogue.inForce(jurisdiction, on).map(v -> clockOf(v.jurisdiction()));
    }

    /** When the approval clock of a matter accepted at {@code acceptedAt} runs out, without pauses. */
    public Optional<DueDate> approvalDue(CatalogueVersion version, Matter matter, Instant acceptedAt) {
        return matter.approvalLimit().flatMap(MatterLimit::limit).map(limit -> due(version, limit, acceptedAt));
    }

    /** The receipt's and the guide's promise: approval, whole process and every stated step. */
    public Promise promise(CatalogueVersion version, Matter matter, Instant acceptedAt) {
        return new Promise(
                approvalDue(version, matter, acceptedAt),
                matter.wholeProcessLimit().flatMap(MatterLimit::limit).map(limit -> due(version, limit, acceptedAt)),
                matter.stepLimits().stream()
                        .filter(MatterLimit::stated)
                        .map(l -> new Promise.StepDue(
                                l.step(), due(version, l.limit().orElseThrow(), acceptedAt)))
                        .toList());
    }

    public DueDate due(CatalogueVersion version, TimeLimit limit, Instant start) {
        return clockOf(version.jurisdiction()).due(start, limit);
    }

    public Catalogue catalogue() {
        return catalogue;
    }
}
