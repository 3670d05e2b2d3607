package org.onewindow.supervision.board.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.events.CaseEvent;

class BoardEventsTest {

    static final String CN = "FC-EO-20261123-004242-Q";
    static final Instant ACCEPTED = Instant.parse("2026-11-23T01:05:00Z");
    static final Instant DUE = Instant.parse("2026-11-23T06:05:00Z");

    static CaseEvent event(String type, Instant at, Map<String, Object> data) {
        return new CaseEvent(
                "1.0", UUID.randomUUID().toString(), type, "/onewindow/enterprise-opening", CN, at, "FC", data, null);
    }

    static BoardCase accepted() {
        return BoardEvents.apply(
                        Optional.empty(),
                        "enterprise-opening",
                        event(
                                "case.accepted",
                                ACCEPTED,
                                Map.of(
                                        "service", "enterprise-opening",
                                        "matterCode", "EO-1",
                                        "department", "market-regulation",
                                        "channel", "WINDOW",
                                        "applicant", Map.of("type", "ENTERPRISE", "uscc", "91370402MA3C00001X"),
                                        "acceptedAt", "2026-11-23T09:05:00+08:00",
                                        "promisedDueAt", "2026-11-23T14:05:00+08:00")))
                .orElseThrow();
    }

    static BoardCase then(BoardCase line, String type, Instant at, Map<String, Object> data) {
        return BoardEvents.apply(Optional.of(line), "enterprise-opening", event(type, at, data))
                .orElseThrow();
    }

    @Test
    void anAcceptedCaseIsOnTheBoardGreenWithItsDueDateAndNoName() {
        BoardCase line = accepted();
        assertThat(line.matterCode()).isEqualTo("EO-1");
        assertThat(line.department()).isEqualTo("market-regulation");
        assertThat(line.applicantId()).isEqualTo("91370402MA3C00001X");
        assertThat(line.acceptedAt()).isEqualTo(ACCEPTED);
        assertThat(line.dueAt()).isEqualTo(DUE);
        assertThat(line.level()).isEqualTo(BoardCase.Level.GREEN);
        assertThat(line.running()).isTrue();
    }

    @Test
    void onlyTheApprovalClockColoursTheBoard() {
        BoardCase line = accepted();
        assertThat(BoardEvents.apply(
                        Optional.of(line),
                        "enterprise-opening",
                        event("case.sla-breached", DUE, Map.of("clock", "STEP", "step", "review"))))
                .isEmpty();
        BoardCase yellow = then(line, "case.sla-warning", ACCEPTED.plusSeconds(3600), Map.of("clock", "APPROVAL"));
        assertThat(yellow.level()).isEqualTo(BoardCase.Level.YELLOW);
        assertThat(then(yellow, "case.sla-breached", DUE, Map.of("clock", "APPROVAL"))
                        .level())
                .isEqualTo(BoardCase.Level.RED);
        // a late warning never takes a red case back to yellow
        BoardCase red = then(yellow, "case.sla-breached", DUE, Map.of("clock", "APPROVAL"));
        assertThat(then(red, "case.sla-warning", DUE, Map.of("clock", "APPROVAL"))
                        .level())
                .isEqualTo(BoardCase.Level.RED);
    }

    @Test
    void aPauseStopsTheWatchAndTheResumptionBringsTheMovedDueDate() {
        BoardCase paused =
                then(accepted(), "case.suspended", ACCEPTED.plusSeconds(600), Map.of("reason", "FEE_PAYMENT"));
        assertThat(paused.suspended()).isTrue();
        assertThat(paused.running()).isFalse();

        Instant moved = DUE.plusSeconds(86_400);
        BoardCase resumed =
                then(paused, "case.resumed", ACCEPTED.plusSeconds(7200), Map.of("promisedDueAt", moved.toString()));
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.dueAt()).isEqualTo(moved);
    }

    @Test
    void aRedCaseWhoseDueDateMovesPastNowIsNoLongerOverdue() {
        BoardCase overdue = accepted().overdue(DUE.plusSeconds(1));
        assertThat(overdue.level()).isEqualTo(BoardCase.Level.RED);
        assertThat(overdue.overdueSince()).isEqualTo(DUE.plusSeconds(1));

        BoardCase extended = then(
                overdue,
                "case.extended",
                DUE.plusSeconds(60),
                Map.of(
                        "clock",
                        "APPROVAL",
                        "promisedDueAt",
                        DUE.plusSeconds(86_400).toString()));
        assertThat(extended.level()).isEqualTo(BoardCase.Level.YELLOW);
        assertThat(extended.overdueSince()).isNull();
    }

    @Test
    void aRecomputationOntoANewCalendarMovesTheDueDateEitherWay() {
        Instant later = DUE.plusSeconds(3 * 86_400);
        BoardCase moved = then(
                accepted(),
                "case.due-recomputed",
                ACCEPTED.plusSeconds(60),
                Map.of("calendarThrough", 2027, "calendarKnown", true, "promisedDueAt", later.toString()));
        assertThat(moved.dueAt()).isEqualTo(later);
        assertThat(moved.level()).isEqualTo(BoardCase.Level.GREEN);

        // a make-up working day (调休上班) can bring the date forward, to before now
        Instant earlier = DUE.minusSeconds(3600);
        BoardCase overdue = then(
                accepted(),
                "case.due-recomputed",
                DUE.minusSeconds(60),
                Map.of("calendarThrough", 2027, "calendarKnown", true, "promisedDueAt", earlier.toString()));
        assertThat(overdue.level()).isEqualTo(BoardCase.Level.RED);
        assertThat(overdue.overdueSince()).isEqualTo(earlier);
    }

    @Test
    void aDecisionRecordsWhetherItCameWithinThePromise() {
        assertThat(then(accepted(), "case.decided", DUE, Map.of("decision", "APPROVED"))
                        .onTime())
                .isTrue();
        BoardCase late = then(accepted(), "case.decided", DUE.plusSeconds(1), Map.of("decision", "DENIED"));
        assertThat(late.status()).isEqualTo(BoardStatus.DENIED);
        assertThat(late.onTime()).isFalse();
        assertThat(late.running()).isFalse();
    }

    @Test
    void eventsBeforeTheAcceptanceKeepTheirEffectWhenItArrives() {
        BoardCase early = BoardEvents.apply(
                        Optional.empty(),
                        "enterprise-opening",
                        event("case.suspended", ACCEPTED, Map.of("reason", "FEE_PAYMENT")))
                .orElseThrow();
        BoardCase line = BoardEvents.apply(
                        Optional.of(early),
                        "enterprise-opening",
                        event("case.accepted", ACCEPTED, Map.of("matterCode", "EO-1")))
                .orElseThrow();
        assertThat(line.suspended()).isTrue();
        assertThat(line.matterCode()).isEqualTo("EO-1");
    }

    @Test
    void unusableDataIsRefusedNotGuessed() {
        assertThatThrownBy(() -> then(accepted(), "case.rated", DUE, Map.of("score", 7)))
                .isInstanceOf(BoardEvents.Unusable.class);
        assertThatThrownBy(() -> BoardEvents.apply(
                        Optional.empty(), "enterprise-opening", event("case.accepted", ACCEPTED, Map.of())))
                .isInstanceOf(BoardEvents.Unusable.class);
        assertThatThrownBy(() -> then(accepted(), "case.resumed", DUE, Map.of("promisedDueAt", "tomorrow")))
                .isInstanceOf(BoardEvents.Unusable.class);
    }
}
