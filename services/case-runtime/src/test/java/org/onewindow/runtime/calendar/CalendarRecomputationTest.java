package org.onewindow.runtime.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.runtime.fakes.Applications.eo1;
import static org.onewindow.runtime.fakes.Applications.person;
import static org.onewindow.runtime.fakes.People.admin;
import static org.onewindow.runtime.fakes.People.approver;
import static org.onewindow.runtime.fakes.People.clerk;
import static org.onewindow.runtime.fakes.People.supervisor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.casefile.CaseActions;
import org.onewindow.runtime.fakes.RuntimeFixture;

/**
 * An EO-1 case in FC (0.5 working days: 3.5 office hours, 09:00–12:00 and 13:30–17:30) accepted on
 * Thursday 31 December 2026 at 16:00 has 1.5 hours that day and 2 hours on the next working day —
 * which, with 2027's notice not yet published, is taken to be Friday 1 January, "calendar unknown".
 * With the notice (元旦 off) it is Monday 4 January.
 */
class CalendarRecomputationTest {

    private static final String REASON = "已加载2027年节假日安排";

    private final RuntimeFixture f = RuntimeFixture.forService(OwningService.ENTERPRISE_OPENING)
            .startingAt("2026-12-31T16:00")
            .build();

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }

    private Receipt accept() {
        return f.intake.apply(clerk("FC"), eo1(Channel.WINDOW, person("张三")));
    }

    private void publish2027() {
        f.calendar.load(CalendarYear.of(
                2027, "国务院办公厅关于2027年部分节假日安排的通知（测试）", List.of(new CalendarYear.Day("2027-01-01", "OFF", "元旦"))));
    }

    @Test
    void aCaseKeepsItsDatesWhenTheNoticeIsLoadedUntilAnAdministratorRecomputesIt() {
        Receipt receipt = accept();
        String cn = receipt.caseNumber();
        assertThat(receipt.calendarKnown()).isFalse();
        assertThat(f.caseFile(cn).dueAt()).isEqualTo(beijing("2027-01-01T11:00"));
        assertThat(f.recomputation.standing(admin()).pending())
                .as("nothing newer than the calendar the clock started under")
                .isZero();

        publish2027();
        assertThat(f.caseFile(cn).dueAt())
                .as("a notice moves no promised date by itself")
                .isEqualTo(beijing("2027-01-01T11:00"));
        assertThat(f.clocks.approvalDue(cn, "FC", f.now()).orElseThrow().at()).isEqualTo(beijing("2027-01-01T11:00"));
        assertThat(f.recomputation.standing(admin())).isEqualTo(new CalendarRecomputation.Standing(2027, 1));

        f.clock.set("2027-01-01T10:00");
        CalendarRecomputation.Batch batch = f.recomputation.recompute(admin(), "  " + REASON + " ", 100);

        assertThat(batch.calendarThrough()).isEqualTo(2027);
        assertThat(batch.remaining()).isZero();
        assertThat(batch.recomputed())
                .containsExactly(new CalendarRecomputation.Recomputed(
                        cn, beijing("2027-01-01T11:00"), beijing("2027-01-04T11:00"), null, true));
        assertThat(f.caseFile(cn).dueAt()).isEqualTo(beijing("2027-01-04T11:00"));
        assertThat(f.caseFile(cn).calendarKnown()).isTrue();
        assertThat(f.clocks.approvalDue(cn, "FC", f.now()).orElseThrow().calendarKnown())
                .isTrue();
        assertThat(f.clockStore.checkAt(cn, "APPROVAL"))
                .as(
                        "the SLA scan looks at the clock by its new dates: 80 % of 3.5 h is 2 h 48, 1 h 30 of them on the 31st")
                .contains(beijing("2027-01-04T10:18"));

        CaseEvent event = f.events.single(CalendarRecomputation.EVENT, cn);
        assertThat(event.data())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "calendarThrough",
                        2027,
                        "calendarKnown",
                        true,
                        "previousDueAt",
                        "2027-01-01T03:00:00Z",
                        "promisedDueAt",
                        "2027-01-04T03:00:00Z"));
        AuditEntry audit = f.audit.single("case.recompute-calendar", cn);
        assertThat(audit.actor()).isEqualTo("admin");
        assertThat(audit.reason()).isEqualTo(REASON);

        assertThat(f.recomputation.recompute(admin(), REASON, 100).recomputed())
                .as("a recomputed case is done")
                .isEmpty();
        assertThat(f.events.ofType(CalendarRecomputation.EVENT)).hasSize(1);
    }

    @Test
    void casesWhoseDatesWereKnownOrThatAreClosedAreLeftAlone() {
        f.clock.set("2026-12-30T09:00");
        String known = accept().caseNumber(); // due 12:30 the same day
        f.clock.set("2026-12-31T16:00");
        String withdrawn = accept().caseNumber();
        f.actions.withdraw(clerk("FC"), f.caseFile(withdrawn), new CaseActions.Withdrawal("申请人撤回"));
        String open = accept().caseNumber();
        publish2027();

        CalendarRecomputation.Batch batch = f.recomputation.recompute(admin(), REASON, 100);

        assertThat(batch.recomputed())
                .extracting(CalendarRecomputation.Recomputed::caseNumber)
                .containsExactly(open);
        assertThat(f.audit.actionsOf(known)).doesNotContain("case.recompute-calendar");
        assertThat(f.audit.actionsOf(withdrawn)).doesNotContain("case.recompute-calendar");
        assertThat(f.caseFile(withdrawn).calendarKnown()).isFalse();
    }

    @Test
    void aSuspendedCaseMovesOntoTheNewCalendarAndStaysSuspended() {
        String cn = accept().caseNumber();
        f.actions.suspend(
                approver("FC", "market-registration"),
                f.caseFile(cn),
                new CaseActions.Suspension("APPLICANT_SUPPLEMENT", "等待补充材料"));
        publish2027();

        f.recomputation.recompute(admin(), REASON, 100);

        assertThat(f.clocks.openPauses(cn)).hasSize(1);
        assertThat(f.clockStore.checkAt(cn, "APPROVAL"))
                .as("a paused clock cannot run out")
                .isEmpty();
        f.clock.set("2027-01-04T09:00");
        f.actions.resume(approver("FC", "market-registration"), f.caseFile(cn));
        assertThat(f.clocks.approvalDue(cn, "FC", f.now()).orElseThrow().at())
                .as("11:00 on the 4th and the 1.5 office hours paused on the 31st, over lunch")
                .isEqualTo(beijing("2027-01-04T14:00"));
    }

    @Test
    void batchesEndWhenNoneRemain() {
        String first = accept().caseNumber();
        String second = accept().caseNumber();
        String third = accept().caseNumber();
        publish2027();

        CalendarRecomputation.Batch one = f.recomputation.recompute(admin(), REASON, 2);
        CalendarRecomputation.Batch two = f.recomputation.recompute(admin(), REASON, 2);

        assertThat(one.recomputed())
                .extracting(CalendarRecomputation.Recomputed::caseNumber)
                .containsExactly(first, second);
        assertThat(one.remaining()).isEqualTo(1);
        assertThat(two.recomputed())
                .extracting(CalendarRecomputation.Recomputed::caseNumber)
                .containsExactly(third);
        assertThat(two.remaining()).isZero();
    }

    @Test
    void onlyAnAdministratorRecomputesAndSaysWhy() {
        accept();
        publish2027();

        assertThatThrownBy(() -> f.recomputation.recompute(supervisor("FC"), REASON, 100))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
        assertThatThrownBy(() -> f.recomputation.standing(clerk("FC"))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> f.recomputation.recompute(admin(), " ", 100))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                    assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.field())
                            .isEqualTo("reason"));
                });
        assertThat(f.recomputation.standing(admin()).pending())
                .as("nothing changed")
                .isEqualTo(1);
        assertThat(f.events.ofType(CalendarRecomputation.EVENT)).isEmpty();
    }
}
