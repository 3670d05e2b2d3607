package org.onewindow.kernel.catalogue.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;

/**
 * The statutory clock of each jurisdiction, with that jurisdiction's office hours, and the date a
 * matter accepted at a given moment would be due: the promise printed on the 受理回执.
 */
public final class PromisedDates {

    private final Catalogue catalogue;
    private final LiveCalendar calendar;
    private final ZoneId zone;
    private final Map<HolidayCalendar, Map<OfficeHours, StatutoryClock>> clocks = new ConcurrentHashMap<>();

    public PromisedDates(Catalogue catalogue, HolidayCalendar calendar, ZoneId zone) {
        this(catalogue, new LiveCalendar(calendar), zone);
    }

    public PromisedDates(Catalogue catalogue, LiveCalendar calendar, ZoneId zone) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The last year whose holiday notice is loaded: what a clock started now runs under. */
    public int calendarThrough() {
        return calendar.current().lastKnownYear();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The clock of a catalogue version's jurisdiction, on the calendar in force. */
    public StatutoryClock clockOf(Jurisdiction jurisdiction) {
        return clockOf(jurisdiction, calendar.current());
    }

    /** The jurisdiction's clock as of a date, from the catalogue version in force then. */
    public Optional<StatutoryClock> clockOf(String jurisdiction, LocalDate on) {
        return catalogue.inForce(jurisdiction, on).map(v -> clockOf(v.jurisdiction()));
    }

    /**
     * The clock a case clock started on {@code on} runs on: its jurisdiction's office hours then and
     * the calendar as published up to {@code calendarThrough} (null: as the platform was built).
     */
    public Optional<StatutoryClock> clockOf(String jurisdiction, LocalDate on, Integer calendarThrough) {
        HolidayCalendar edition = calendar.through(calendarThrough);
        return catalogue.inForce(jurisdiction, on).map(v -> clockOf(v.jurisdiction(), edition));
    }

    private StatutoryClock clockOf(Jurisdiction jurisdiction, HolidayCalendar edition) {
        if (clocks.size() > 16) {
            clocks.keySet().removeIf(c -> c != calendar.current());
        }
        return clocks.computeIfAbsent(edition, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(jurisdiction.officeHours(), hours -> new StatutoryClock(edition, hours, zone));
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
