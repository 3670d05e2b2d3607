package org.onewindow.runtime.clock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.ClockRuleViolation;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * Starts, pauses, resumes, extends and stops the statutory clocks of a case (the kernel's {@link
 * CaseClock}, limits from the catalogue version the case was accepted under). Call inside the
 * transaction of the change it belongs to.
 *
 * <p>A step limit runs from acceptance unless it is a <em>stage</em> ({@code stageSteps}: the model
 * starts its clock when the stage begins, as construction's sequential stages need) or a
 * <em>waiting period</em> ({@code waitingSteps}: 公告, which the model times itself).
 */
public class ClockKeeper {

    private final ClockStore clocks;
    private final PromisedDates dates;
    private final Set<String> waitingSteps;
    private final Set<String> stageSteps;

    public ClockKeeper(ClockStore clocks, PromisedDates dates, Set<String> waitingSteps, Set<String> stageSteps) {
        this.clocks = clocks;
        this.dates = dates;
        this.waitingSteps = Set.copyOf(waitingSteps);
        this.stageSteps = Set.copyOf(stageSteps);
    }

    /** Every clock the matter states a limit for that runs from 受理; NOT_STATED limits run no clock. */
    public void startAll(String caseNumber, CatalogueVersion version, Matter matter, Instant acceptedAt) {
        for (MatterLimit limit : matter.limits()) {
            boolean modelTimed =
                    limit.step() != null && (waitingSteps.contains(limit.step()) || stageSteps.contains(limit.step()));
            if (limit.stated() && !modelTimed) {
                insert(caseNumber, version.jurisdiction().code(), start(limit, version, acceptedAt));
            }
        }
    }

    /** 即时办结: the clocks start and stop at the acceptance, so the case is on record as on time. */
    public void startStopped(String caseNumber, CatalogueVersion version, Matter matter, Instant at) {
        for (MatterLimit limit : matter.limits()) {
            if (limit.stated()) {
                clocks.insert(caseNumber, start(limit, version, at).stop(at), null);
            }
        }
    }

    /** A stage begins: its step clock starts now (once; a repeated start is ignored). */
    public void startStep(
            String caseNumber, String jurisdiction, String version, String matter, String step, Instant at) {
        boolean running = clocks.ofCase(caseNumber).stream()
                .anyMatch(s -> s.clock().kind() == ClockKind.STEP
                        && step.equals(s.clock().step()));
        if (running) {
            return;
        }
        CatalogueVersion v = dates.catalogue()
                .version(jurisdiction, version)
                .orElseThrow(() -> new IllegalStateException("no catalogue " + jurisdiction + " " + version));
        v.matter(matter)
                .flatMap(m -> m.stepLimits().stream()
                        .filter(l -> step.equals(l.step()) && l.stated())
                        .findFirst())
                .ifPresent(limit -> insert(caseNumber, jurisdiction, start(limit, v, at)));
    }

    /** A stage is done: its step clock stops. */
    public void stopStep(String caseNumber, String step, Instant at) {
        for (ClockStore.Stored s : clocks.ofCase(caseNumber)) {
            if (s.clock().kind() == ClockKind.STEP
                    && step.equals(s.clock().step())
                    && s.clock().stoppedAt() == null) {
                update(s, s.clock().stop(at));
            }
        }
    }

    /**
     * 暂停计时: pauses the approval and step clocks whose limits exclude the reason. A limit that
     * does not is refused by the kernel clock (clock.pause-not-allowed); the whole-process clock
     * never pauses.
     */
    public int pause(String caseNumber, PauseReason reason, Instant at) {
        Map<ClockStore.Stored, CaseClock> changed = new LinkedHashMap<>();
        for (ClockStore.Stored s : running(caseNumber, Set.of(ClockKind.APPROVAL, ClockKind.STEP))) {
            if (s.clock().kind() == ClockKind.APPROVAL
                    || s.clock().allowedPauses().contains(reason)) {
                changed.put(s, s.clock().pause(reason, at));
            }
        }
        changed.forEach(this::update);
        return changed.size();
    }

    /** 恢复计时 of every paused clock of the case; false when none was paused. */
    public boolean resume(String caseNumber, Instant at) {
        return resume(caseNumber, null, at);
    }

    /**
     * 恢复计时 of the clocks paused for {@code reason} only (null: for any reason), so that handing in
     * an owed material never ends a 公示 or a fee payment; false when none was paused so.
     */
    public boolean resume(String caseNumber, PauseReason reason, Instant at) {
        boolean any = false;
        for (ClockStore.Stored s : clocks.ofCase(caseNumber)) {
            Optional<CaseClock.Pause> open = s.clock().openPause();
            if (s.clock().stoppedAt() == null
                    && open.isPresent()
                    && (reason == null || open.get().reason() == reason)) {
                update(s, s.clock().resume(at));
                any = true;
            }
        }
        return any;
    }

    /**
     * 延期 of one running clock ({@link ClockStore#nameOf}: APPROVAL or STEP:&lt;step&gt;), in its own
     * unit, within the catalogue's ceiling, with who authorised it and why.
     */
    public CaseClock extend(
            String caseNumber, String clockName, BigDecimal amount, String reason, String authorisedBy, Instant at) {
        ClockStore.Stored stored = clocks.ofCase(caseNumber).stream()
                .filter(s -> s.name().equals(clockName) && s.clock().stoppedAt() == null)
                .findFirst()
                .orElseThrow(() ->
                        new ClockRuleViolation("clock.not-running", "the case has no running clock " + clockName));
        TimeLimit more;
        try {
            more = new TimeLimit(amount, stored.clock().limit().unit());
        } catch (IllegalArgumentException e) {
            throw new ClockRuleViolation("clock.extension-unit", e.getMessage());
        }
        CaseClock extended = stored.clock().extend(more, reason, authorisedBy, at);
        update(stored, extended);
        return extended;
    }

    /** Stops the clocks of the given kinds (the approval clock at the decision, the rest at delivery). */
    public void stop(String caseNumber, Set<ClockKind> kinds, Instant at) {
        for (ClockStore.Stored s : running(caseNumber, kinds)) {
            update(s, s.clock().stop(at));
        }
    }

    /** The open pauses of the case's running clocks (approval or steps): empty unless it is suspended. */
    public List<CaseClock.Pause> openPauses(String caseNumber) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().stoppedAt() == null)
                .flatMap(s -> s.clock().openPause().stream())
                .toList();
    }

    /** When the case's approval clock runs out now, with its pauses; empty when no limit is stated. */
    public Optional<DueDate> approvalDue(String caseNumber, String jurisdiction, Instant now) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().kind() == ClockKind.APPROVAL)
                .findFirst()
                .map(s -> s.clock().due(statutoryClock(jurisdiction, s.clock()), now));
    }

    /**
     * The data of a case.resumed (or case.extended): the approval clock's due date as it stands now,
     * so that a reader of events alone (the supervision board) follows the due date as it moves.
     */
    public Map<String, Object> dueData(String caseNumber, String jurisdiction, Instant now) {
        return approvalDue(caseNumber, jurisdiction, now)
                .<Map<String, Object>>map(d -> Map.of("promisedDueAt", d.at().toString()))
                .orElse(Map.of());
    }

    /** Where a case's approval clock stands: when it runs out and its level (绿/黄/红, 暂停). */
    public record Standing(DueDate due, SlaLevel level) {}

    /** The approval clock's due date before and after a {@link #rebase}; empty without an approval limit. */
    public record Rebased(Optional<DueDate> dueBefore, Optional<DueDate> dueAfter) {}

    /**
     * The case's running clocks put onto the holiday calendar as now published, where they started
     * under an older edition: for a case whose dates reached into a year without a notice. Stopped
     * clocks keep the calendar they ran under. One read of the case's clocks, locked.
     */
    public Rebased rebase(String caseNumber, String jurisdiction, Instant now) {
        int through = dates.calendarThrough();
        Optional<DueDate> before = Optional.empty();
        Optional<DueDate> after = Optional.empty();
        for (ClockStore.Stored s : clocks.ofCase(caseNumber)) {
            Integer under = s.clock().calendarThrough();
            CaseClock moved = s.clock().stoppedAt() == null && (under == null || under < through)
                    ? s.clock().under(through)
                    : s.clock();
            if (moved != s.clock()) {
                update(s, moved);
            }
            if (moved.kind() == ClockKind.APPROVAL) {
                before = Optional.of(s.clock().due(statutoryClock(jurisdiction, s.clock()), now));
                after = Optional.of(moved.due(statutoryClock(jurisdiction, moved), now));
            }
        }
        return new Rebased(before, after);
    }

    /** The approval clocks' standing now of many cases (by case number); cases without one are absent. */
    public Map<String, Standing> approvalStandings(Collection<String> caseNumbers, Instant now) {
        Map<String, Standing> out = new HashMap<>();
        for (ClockStore.Stored s : clocks.approvalClocks(caseNumbers)) {
            StatutoryClock statutory = statutoryClock(s.jurisdiction(), s.clock());
            out.put(
                    s.caseNumber(),
                    new Standing(s.clock().due(statutory, now), s.clock().level(statutory, now)));
        }
        return out;
    }

    /** Every clock of the case as it stands now: for the approver's page and the applicant's tracking. */
    public List<ClockStore.Stored> of(String caseNumber) {
        return clocks.ofCase(caseNumber);
    }

    /**
     * When the SLA scan should next look at a clock whose last reported level is {@code reported}
     * (null: never), by the calendar and office hours of its jurisdiction.
     */
    public Instant nextCheck(String jurisdiction, CaseClock clock, SlaLevel reported) {
        return clock.nextCheck(statutoryClock(jurisdiction, clock), reported).orElse(null);
    }

    /** The statutory clock a case clock runs on: its start date's office hours, its calendar edition. */
    public StatutoryClock statutoryClock(String jurisdiction, CaseClock clock) {
        return dates.clockOf(
                        jurisdiction, clock.startedAt().atZone(dates.zone()).toLocalDate(), clock.calendarThrough())
                .orElseThrow(() -> new IllegalStateException("no catalogue of " + jurisdiction + " in force"));
    }

    private CaseClock start(MatterLimit limit, CatalogueVersion version, Instant at) {
        return CaseClock.start(
                        limit.clock(),
                        limit.step(),
                        at,
                        limit.limit().orElseThrow(),
                        limit.pausesFor(),
                        version.jurisdiction().warningThreshold(),
                        limit.extendableTo().orElse(null))
                .under(dates.calendarThrough());
    }

    private void insert(String caseNumber, String jurisdiction, CaseClock clock) {
        clocks.insert(caseNumber, clock, nextCheck(jurisdiction, clock, SlaLevel.GREEN));
    }

    private void update(ClockStore.Stored stored, CaseClock changed) {
        clocks.update(stored.caseNumber(), changed, nextCheck(stored.jurisdiction(), changed, stored.reported()));
    }

    private List<ClockStore.Stored> running(String caseNumber, Set<ClockKind> kinds) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().stoppedAt() == null
                        && kinds.contains(s.clock().kind()))
                .toList();
    }
}
