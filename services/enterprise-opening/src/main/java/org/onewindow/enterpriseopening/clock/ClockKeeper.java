package org.onewindow.enterpriseopening.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.enterpriseopening.intake.EnterpriseOpeningProperties;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.springframework.stereotype.Service;

/**
 * Starts, pauses, resumes and stops the statutory clocks of a case (the kernel's {@link CaseClock},
 * limits from the catalogue version the case was accepted under). Call inside the transaction of
 * the change it belongs to.
 */
@Service
public class ClockKeeper {

    private final CaseClocks clocks;
    private final PromisedDates dates;
    private final Set<String> waitingSteps;

    ClockKeeper(CaseClocks clocks, PromisedDates dates, EnterpriseOpeningProperties properties) {
        this.clocks = clocks;
        this.dates = dates;
        this.waitingSteps = properties.waitingSteps();
    }

    /**
     * Every clock the matter states a limit for, started at 受理; NOT_STATED limits run no clock, and
     * waiting periods (公告) are the model's timers.
     */
    public void startAll(String caseNumber, CatalogueVersion version, Matter matter, Instant acceptedAt) {
        for (MatterLimit limit : matter.limits()) {
            if (limit.limit().isEmpty() || (limit.step() != null && waitingSteps.contains(limit.step()))) {
                continue; // no limit stated, or a waiting period the model times itself
            }
            clocks.insert(
                    caseNumber,
                    CaseClock.start(
                            limit.clock(),
                            limit.step(),
                            acceptedAt,
                            limit.limit().get(),
                            limit.pausesFor(),
                            version.jurisdiction().warningThreshold(),
                            limit.extendableTo().orElse(null)));
        }
    }

    /**
     * 暂停计时: pauses the approval and step clocks whose limits exclude the reason. A limit that
     * does not is refused by the kernel clock (clock.pause-not-allowed); the whole-process clock
     * never pauses.
     */
    public void pause(String caseNumber, PauseReason reason, Instant at) {
        List<CaseClock> changed = new ArrayList<>();
        for (CaseClocks.Stored s : running(caseNumber, Set.of(ClockKind.APPROVAL, ClockKind.STEP))) {
            if (s.clock().kind() == ClockKind.APPROVAL
                    || s.clock().allowedPauses().contains(reason)) {
                changed.add(s.clock().pause(reason, at));
            }
        }
        changed.forEach(c -> clocks.update(caseNumber, c));
    }

    /** 恢复计时 of every paused clock of the case. */
    public void resume(String caseNumber, Instant at) {
        for (CaseClocks.Stored s : clocks.ofCase(caseNumber)) {
            if (s.clock().stoppedAt() == null && s.clock().openPause().isPresent()) {
                clocks.update(caseNumber, s.clock().resume(at));
            }
        }
    }

    /** Stops the clocks of the given kinds (the approval clock at the decision, the rest at delivery). */
    public void stop(String caseNumber, Set<ClockKind> kinds, Instant at) {
        for (CaseClocks.Stored s : running(caseNumber, kinds)) {
            clocks.update(
                    caseNumber,
                    s.clock().openPause().isPresent()
                            ? s.clock().resume(at).stop(at)
                            : s.clock().stop(at));
        }
    }

    /** The open pause of the case's approval clock, if it is suspended. */
    public Optional<CaseClock.Pause> approvalPaused(String caseNumber) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().kind() == ClockKind.APPROVAL && s.clock().stoppedAt() == null)
                .findFirst()
                .flatMap(s -> s.clock().openPause());
    }

    /** When the case's approval clock runs out now, with its pauses; empty when no limit is stated. */
    public Optional<DueDate> approvalDue(String caseNumber, String jurisdiction, Instant now) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().kind() == ClockKind.APPROVAL)
                .findFirst()
                .map(s -> s.clock().due(statutoryClock(jurisdiction, s.clock().startedAt()), now));
    }

    StatutoryClock statutoryClock(String jurisdiction, Instant acceptedAt) {
        return dates.clockOf(jurisdiction, acceptedAt.atZone(dates.zone()).toLocalDate())
                .orElseThrow(() -> new IllegalStateException("no catalogue of " + jurisdiction + " in force"));
    }

    private List<CaseClocks.Stored> running(String caseNumber, Set<ClockKind> kinds) {
        return clocks.ofCase(caseNumber).stream()
                .filter(s -> s.clock().stoppedAt() == null
                        && kinds.contains(s.clock().kind()))
                .toList();
    }
}
