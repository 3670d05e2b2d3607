package org.onewindow.runtime.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.Promise;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * 按新公布的节假日安排重算: a case accepted before next year's holiday notice was published has
 * dates that reach into that year "calendar unknown", and its clocks keep the calendar they started
 * under — a notice loaded later moves no promised date by itself. Once the notice is loaded, an
 * administrator recomputes those open cases, a batch at a time: their running clocks move onto the
 * calendar now published, the receipt's dates are computed again, and each case gets an audit line
 * with the reason and a {@value #EVENT} event (the due date before and after) that the supervision
 * board follows. Call {@link #recompute} inside one transaction per batch.
 */
public class CalendarRecomputation {

    public static final String EVENT = "case.due-recomputed";

    private final CaseFiles cases;
    private final ClockStore clocks;
    private final ClockKeeper keeper;
    private final PromisedDates dates;
    private final CaseJournal journal;
    private final Clock clock;

    public CalendarRecomputation(
            CaseFiles cases,
            ClockStore clocks,
            ClockKeeper keeper,
            PromisedDates dates,
            CaseJournal journal,
            Clock clock) {
        this.cases = cases;
        this.clocks = clocks;
        this.keeper = keeper;
        this.dates = dates;
        this.journal = journal;
        this.clock = clock;
    }

    /** The last year with a published notice, and how many open cases are still on an older one. */
    public record Standing(int calendarThrough, int pending) {}

    /** One case after its recomputation: its approval clock's due date before and after. */
    public record Recomputed(
            String caseNumber, Instant dueBefore, Instant dueAfter, Instant wholeProcessDueAt, boolean calendarKnown) {}

    /** What one call did, and how many cases are left for the next. */
    public record Batch(int calendarThrough, List<Recomputed> recomputed, int remaining) {}

    public Standing standing(Caller caller) {
        administrator(caller);
        int through = dates.calendarThrough();
        return new Standing(through, clocks.countBehindCalendar(through));
    }

    /** Recomputes up to {@code size} cases; call again while {@link Batch#remaining()} is above 0. */
    public Batch recompute(Caller caller, String reason, int size) {
        administrator(caller);
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalid(FieldViolation.of(
                    "reason", "reason.missing", "请写明重算理由，例如：已加载新一年的节假日安排", "give the reason for the recomputation"));
        }
        int through = dates.calendarThrough();
        Map<String, CaseFile> files = cases.summaries(clocks.behindCalendar(through, size));
        List<Recomputed> done = files.values().stream()
                .sorted(Comparator.comparing(CaseFile::caseNumber))
                .map(file -> recompute(caller, file, reason.strip(), through))
                .toList();
        return new Batch(through, done, clocks.countBehindCalendar(through));
    }

    private Recomputed recompute(Caller caller, CaseFile file, String reason, int through) {
        String caseNumber = file.caseNumber();
        ClockKeeper.Rebased moved = keeper.rebase(caseNumber, file.jurisdiction(), clock.instant());
        CatalogueVersion version = version(file);
        Promise promise = dates.promise(version, matter(file, version), file.acceptedAt());
        Instant wholeProcess = promise.wholeProcess().map(DueDate::at).orElse(null);
        cases.repromised(
                caseNumber, promise.approval().map(DueDate::at).orElse(null), wholeProcess, promise.calendarKnown());

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("calendarThrough", through);
        data.put("calendarKnown", promise.calendarKnown());
        moved.dueBefore().ifPresent(d -> data.put("previousDueAt", d.at().toString()));
        moved.dueAfter().ifPresent(d -> data.put("promisedDueAt", d.at().toString()));
        if (wholeProcess != null) {
            data.put("wholeProcessDueAt", wholeProcess.toString());
        }
        journal.record(caller, "case.recompute-calendar", caseNumber, file.jurisdiction(), reason, EVENT, data);
        return new Recomputed(
                caseNumber,
                moved.dueBefore().map(DueDate::at).orElse(null),
                moved.dueAfter().map(DueDate::at).orElse(null),
                wholeProcess,
                promise.calendarKnown());
    }

    private CatalogueVersion version(CaseFile file) {
        return dates.catalogue()
                .version(file.jurisdiction(), file.catalogueVersion())
                .orElseThrow(() -> new IllegalStateException("case " + file.caseNumber() + " names catalogue "
                        + file.catalogueVersion() + " which is gone"));
    }

    private static Matter matter(CaseFile file, CatalogueVersion version) {
        return version.matter(file.matterCode())
                .orElseThrow(() -> new IllegalStateException(
                        "catalogue " + file.catalogueVersion() + " has no matter " + file.matterCode()));
    }

    private static void administrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw Rejection.forbidden(
                    "按新节假日安排重算办件时限仅限平台管理员", "only an administrator recomputes cases onto a new calendar");
        }
    }
}
