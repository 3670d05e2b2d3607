package org.onewindow.kernel.clock.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One clock of one case: started at 受理, with a limit from the catalogue, paused and resumed for
 * the reasons that limit allows, extended (延期) with an authorised reason. Immutable: each change
 * returns the new clock, so a caller records the change and its audit together.
 *
 * <p>A pause moves the due instant by exactly the paused office time (working units) or the paused
 * whole days (natural units): five working days of 公示 make the approval five working days later.
 */
public record CaseClock(
        ClockKind kind,
        String step,
        Instant startedAt,
        TimeLimit limit,
        Set<PauseReason> allowedPauses,
        BigDecimal warningThreshold,
        TimeLimit extensionCeiling,
        List<Pause> pauses,
        List<Extension> extensions,
        Instant stoppedAt,
        Integer calendarThrough) {

    public CaseClock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(limit, "limit");
        if ((kind == ClockKind.STEP) != (step != null)) {
            throw new IllegalArgumentException("a STEP clock, and only a STEP clock, names its step");
        }
        if (warningThreshold.signum() <= 0 || warningThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("warning threshold must be in (0, 1], was " + warningThreshold);
        }
        allowedPauses = Set.copyOf(allowedPauses);
        pauses = List.copyOf(pauses);
        extensions = List.copyOf(extensions);
    }

    /** A clock started at the moment of acceptance. */
    public static CaseClock start(
            ClockKind kind,
            String step,
            Instant acceptedAt,
            TimeLimit limit,
            Set<PauseReason> allowedPauses,
            BigDecimal warningThreshold,
            TimeLimit extensionCeiling) {
        return new CaseClock(
                kind,
                step,
                acceptedAt,
                limit,
                kind.pausable() ? allowedPauses : Set.of(),
                warningThreshold,
                extensionCeiling,
                List.of(),
                List.of(),
                null,
                null);
    }

    /**
     * The clock runs under the holiday calendar as published up to {@code lastYear}: a notice loaded
     * later does not move the due date it promised. Null (clocks from before calendars were loaded at
     * run time): the calendar the platform was built with.
     */
    public CaseClock under(Integer lastYear) {
        return copy(pauses, extensions, stoppedAt, lastYear);
    }

    /** 暂停计时 with a reason the limit allows. */
    public CaseClock pause(PauseReason reason, Instant at) {
        requireRunning(at);
        if (!kind.pausable()) {
            throw new ClockRuleViolation(
                    "clock.not-pausable", "全流程时限不暂停计时", "the whole-process clock (全流程时限) never pauses");
        }
        if (!allowedPauses.contains(reason)) {
            throw new ClockRuleViolation(
                    "clock.pause-not-allowed",
                    "本事项的时限不因" + reason.zh() + "暂停；可暂停的情形："
                            + (allowedPauses.isEmpty()
                                    ? "无"
                                    : String.join(
                                            "、",
                                            allowedPauses.stream()
                                                    .sorted()
                                                    .map(PauseReason::zh)
                                                    .toList())),
                    "this limit does not exclude " + reason + "; allowed: " + allowedPauses);
        }
        var next = new ArrayList<>(pauses);
        next.add(new Pause(reason, at, null));
        return with(next, extensions, stoppedAt);
    }

    /** 恢复计时. */
    public CaseClock resume(Instant at) {
        Pause open =
                openPause().orElseThrow(() -> new ClockRuleViolation("clock.not-paused", "the clock is not paused"));
        if (at.isBefore(open.from())) {
            throw new ClockRuleViolation("clock.resume-before-pause", "cannot resume before the pause began");
        }
        var next = new ArrayList<>(pauses);
        next.set(next.size() - 1, new Pause(open.reason(), open.from(), at));
        return with(next, extensions, stoppedAt);
    }

    /** 延期: more time in the limit's unit, never beyond the catalogue's ceiling. */
    public CaseClock extend(TimeLimit more, String reason, String authorisedBy, Instant at) {
        requireRunning(at);
        if (reason == null || reason.isBlank() || authorisedBy == null || authorisedBy.isBlank()) {
            throw new ClockRuleViolation(
                    "clock.extension-unauthorised", "an extension needs a reason and who authorised it");
        }
        if (more.unit() != limit.unit()) {
            throw new ClockRuleViolation("clock.extension-unit", "an extension must be in " + limit.unit());
        }
        TimeLimit total = effectiveLimit().plus(more);
        if (extensionCeiling == null || total.compareTo(extensionCeiling) > 0) {
            throw new ClockRuleViolation(
                    "clock.extension-beyond-ceiling",
                    "the catalogue allows at most " + (extensionCeiling == null ? "no extension" : extensionCeiling));
        }
        var next = new ArrayList<>(extensions);
        next.add(new Extension(more, reason, authorisedBy, at));
        return with(pauses, next, stoppedAt);
    }

    /** The step or case is done; the clock keeps its history. */
    public CaseClock stop(Instant at) {
        if (openPause().isPresent()) {
            return resume(at).stop(at);
        }
        requireRunning(at);
        return with(pauses, extensions, at);
    }

    public TimeLimit effectiveLimit() {
        return extensions.stream().map(Extension::amount).reduce(limit, TimeLimit::plus);
    }

    public Optional<Pause> openPause() {
        return pauses.isEmpty() || pauses.get(pauses.size() - 1).to() != null
                ? Optional.empty()
                : Optional.of(pauses.get(pauses.size() - 1));
    }

    /**
     * The due instant. While paused it is computed as if the clock resumed at {@code now}; it moves
     * further for as long as the pause lasts.
     */
    public DueDate due(StatutoryClock clock, Instant now) {
        DueDate base = clock.due(startedAt, effectiveLimit());
        Instant at = base.at();
        if (limit.unit().countsWorkingTime()) {
            at = clock.addWorkingTime(at, pausedWorkingTime(clock, now));
        } else {
            long days = (pausedTime(now).toSeconds() + 86_399) / 86_400;
            if (days > 0) {
                var day = at.atZone(clock.zone()).toLocalDate().plusDays(days);
                at = clock.closeOf(clock.calendar().workingDayOnOrAfter(day));
            }
        }
        var unknown = new java.util.TreeSet<>(base.unknownYears());
        unknown.addAll(clock.unknownYearsBetween(startedAt, at));
        return new DueDate(at, unknown.isEmpty(), unknown);
    }

    /** Green, yellow or red at {@code now} (or paused, or stopped). */
    public SlaLevel level(StatutoryClock clock, Instant now) {
        Instant end = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        Instant due = due(clock, end).at();
        if (end.isAfter(due)) {
            return SlaLevel.RED;
        }
        if (stoppedAt != null && !stoppedAt.isAfter(now)) {
            return SlaLevel.STOPPED;
        }
        if (openPause().isPresent()) {
            return SlaLevel.PAUSED;
        }
        return usedShare(clock, now).compareTo(warningThreshold) >= 0 ? SlaLevel.YELLOW : SlaLevel.GREEN;
    }

    /**
     * When the SLA level can next rise above {@code reported}: the moment the warning share is used
     * (黄牌), then the due instant (红牌). None while stopped or paused (a paused clock's due date
     * moves with the pause, so it cannot run out) or once red. The SLA scan looks at a clock only
     * then, instead of every running clock every minute.
     */
    public Optional<Instant> nextCheck(StatutoryClock clock, SlaLevel reported) {
        if (stoppedAt != null || openPause().isPresent() || reported == SlaLevel.RED) {
            return Optional.empty();
        }
        Instant due = due(clock, startedAt).at();
        if (reported == SlaLevel.YELLOW) {
            return Optional.of(due);
        }
        Instant warning = warningAt(clock, due);
        return Optional.of(warning.isBefore(due) ? warning : due);
    }

    /** Where {@link #usedShare} reaches the warning threshold, with no pause open (the budget fixed). */
    private Instant warningAt(StatutoryClock clock, Instant due) {
        boolean working = limit.unit().countsWorkingTime();
        Duration paused = working ? pausedWorkingTime(clock, due) : pausedTime(due);
        Duration budget = working
                ? clock.workingTimeBetween(startedAt, due).minus(paused)
                : Duration.between(startedAt, due).minus(paused);
        if (budget.isZero() || budget.isNegative()) {
            return due;
        }
        long warnMillis = warningThreshold
                .multiply(BigDecimal.valueOf(budget.toMillis()))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        Duration until = paused.plusMillis(warnMillis);
        return working ? clock.addWorkingTime(startedAt, until) : startedAt.plus(until);
    }

    /** Share of the budget used at {@code now}, pauses excluded (1 = all used). */
    public BigDecimal usedShare(StatutoryClock clock, Instant now) {
        Instant due = due(clock, now).at();
        boolean working = limit.unit().countsWorkingTime();
        Duration budget = working
                ? clock.workingTimeBetween(startedAt, due).minus(pausedWorkingTime(clock, now))
                : Duration.between(startedAt, due).minus(pausedTime(now));
        Duration used = working
                ? clock.workingTimeBetween(startedAt, now).minus(pausedWorkingTime(clock, now))
                : Duration.between(startedAt, now).minus(pausedTime(now));
        if (budget.isZero() || budget.isNegative()) {
            return now.isBefore(due) ? BigDecimal.ZERO : BigDecimal.ONE;
        }
        return BigDecimal.valueOf(Math.max(0, used.toMillis()))
                .divide(BigDecimal.valueOf(budget.toMillis()), MathContext.DECIMAL64);
    }

    private Duration pausedWorkingTime(StatutoryClock clock, Instant now) {
        return pauses.stream()
                .map(p -> clock.workingTimeBetween(p.from(), p.toOr(now)))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private Duration pausedTime(Instant now) {
        return pauses.stream()
                .map(p -> Duration.between(p.from(), p.toOr(now)))
                .filter(d -> !d.isNegative())
                .reduce(Duration.ZERO, Duration::plus);
    }

    private void requireRunning(Instant at) {
        if (stoppedAt != null) {
            throw new ClockRuleViolation("clock.stopped", "the clock has stopped");
        }
        if (openPause().isPresent()) {
            throw new ClockRuleViolation("clock.paused", "the clock is paused; resume it first");
        }
        if (at.isBefore(startedAt)) {
            throw new ClockRuleViolation("clock.before-start", "the clock starts at acceptance, " + startedAt);
        }
    }

    private CaseClock with(List<Pause> pauses, List<Extension> extensions, Instant stoppedAt) {
        return copy(pauses, extensions, stoppedAt, calendarThrough);
    }

    private CaseClock copy(List<Pause> pauses, List<Extension> extensions, Instant stoppedAt, Integer calendarThrough) {
        return new CaseClock(
                kind,
                step,
                startedAt,
                limit,
                allowedPauses,
                warningThreshold,
                extensionCeiling,
                pauses,
                extensions,
                stoppedAt,
                calendarThrough);
    }

    /** A suspension: open while {@code to} is null. */
    public record Pause(PauseReason reason, Instant from, Instant to) {
        Instant toOr(Instant now) {
            return to != null ? to : now;
        }
    }

    /** 延期 with who authorised it and why. */
    public record Extension(TimeLimit amount, String reason, String authorisedBy, Instant at) {}
}
