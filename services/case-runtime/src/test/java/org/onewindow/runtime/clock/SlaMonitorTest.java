package org.onewindow.runtime.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.runtime.fakes.Applications.eo1;
import static org.onewindow.runtime.fakes.Applications.person;
import static org.onewindow.runtime.fakes.People.clerk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.fakes.NoTransactions;
import org.onewindow.runtime.fakes.RuntimeFixture;
import org.springframework.transaction.support.TransactionTemplate;

class SlaMonitorTest {

    private final RuntimeFixture f = RuntimeFixture.enterpriseOpening();

    /** An EO-1 case accepted at the window now: FC's 0.5 WD is due at 14:00 on a 09:00 acceptance. */
    private String accept() {
        return f.intake.apply(clerk("FC"), eo1(Channel.WINDOW, person("张三"))).caseNumber();
    }

    /** One full scan, as the schedule runs it: batch after batch, each in its own transaction. */
    private void scan(int batch) {
        Instant until = f.sla.now();
        int guard = 0;
        boolean more = true;
        while (more) {
            if (++guard > 100) {
                throw new AssertionError("the scan does not end: it keeps visiting the same clocks");
            }
            more = f.sla.checkBatch(until, batch);
        }
    }

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }

    private List<CaseEvent> warnings() {
        return f.events.ofType("case.sla-warning");
    }

    private List<CaseEvent> breaches() {
        return f.events.ofType("case.sla-breached");
    }

    @Nested
    class OneClock {

        private final String cn = accept();

        @Test
        void belowTheWarningShareNothingIsRaised() {
            f.clock.set("2026-03-02T11:00"); // 2 of 3.5 office hours used
            scan(200);
            assertThat(warnings()).isEmpty();
            assertThat(breaches()).isEmpty();
            assertThat(f.clockStore.reportedLevel(cn, "APPROVAL")).isEqualTo(SlaLevel.GREEN);
        }

        @Test
        void yellowThenRedAreRaisedOnceEachAsTheClockAdvances() {
            f.clock.set("2026-03-02T11:50"); // 2 h 50 of 3 h 30: 81 %
            scan(200);
            assertThat(warnings()).singleElement().satisfies(w -> {
                assertThat(w.subject()).isEqualTo(cn);
                assertThat(w.data().get("clock")).isEqualTo("APPROVAL");
                assertThat(w.data().get("dueAt")).isEqualTo("2026-03-02T14:00:00+08:00");
                assertThat((BigDecimal) w.data().get("usedShare")).isEqualByComparingTo("0.810");
            });
            assertThat(f.clockStore.reportedLevel(cn, "APPROVAL")).isEqualTo(SlaLevel.YELLOW);

            f.clock.set("2026-03-02T12:30"); // lunch: still yellow
            scan(200);
            f.clock.set("2026-03-02T13:59");
            scan(200);
            assertThat(warnings()).hasSize(1);
            assertThat(breaches()).isEmpty();

            f.clock.set("2026-03-02T14:30");
            scan(200);
            assertThat(breaches()).singleElement().satisfies(b -> {
                assertThat(b.subject()).isEqualTo(cn);
                assertThat((BigDecimal) b.data().get("usedShare")).isEqualByComparingTo("1.143");
            });
            assertThat(f.clockStore.reportedLevel(cn, "APPROVAL")).isEqualTo(SlaLevel.RED);

            f.clock.set("2026-03-03T09:00");
            scan(200);
            assertThat(warnings()).hasSize(1);
            assertThat(breaches()).hasSize(1);
            assertThat(f.audit.actionsOf(cn)).containsExactly("case.accept", "sla.warn", "sla.breach");
            assertThat(f.audit.single("sla.breach", cn).actor()).isEqualTo("system");
        }

        @Test
        void aClockFirstSeenPastItsDueDateIsBreachedWithoutAWarningFirst() {
            f.clock.set("2026-03-02T15:00");
            scan(200);
            assertThat(warnings()).isEmpty();
            assertThat(breaches()).hasSize(1);
        }

        @Test
        void aSuspendedClockRaisesNothingWhileItWaits() {
            f.clock.set("2026-03-02T10:00");
            f.clocks.pause(cn, PauseReason.APPLICANT_SUPPLEMENT, f.now());
            f.clock.set("2026-03-02T16:00");
            scan(200);
            assertThat(warnings()).isEmpty();
            assertThat(breaches()).isEmpty();
        }

        @Test
        void aStoppedClockIsNotVisited() {
            f.clocks.stop(cn, EnumSet.allOf(ClockKind.class), f.now());
            f.clock.set("2026-03-03T09:00");
            scan(200);
            assertThat(breaches()).isEmpty();
            assertThat(f.clockStore.batches()).containsExactly(0);
        }

        @Test
        void theClockIsLookedAtOnlyWhenItsLevelCanHaveRisen() {
            // 80 % of 3.5 office hours from 09:00 is 11:48; then the due time; then never
            assertThat(f.clockStore.checkAt(cn, "APPROVAL")).contains(beijing("2026-03-02T11:48"));
            f.clock.set("2026-03-02T11:47");
            scan(200);
            assertThat(f.clockStore.batches()).as("not yet due for a look").containsExactly(0);

            f.clock.set("2026-03-02T11:48");
            scan(200);
            assertThat(warnings()).hasSize(1);
            assertThat(f.clockStore.checkAt(cn, "APPROVAL")).contains(beijing("2026-03-02T14:00"));

            f.clock.set("2026-03-02T14:00:01");
            scan(200);
            assertThat(breaches()).hasSize(1);
            assertThat(f.clockStore.checkAt(cn, "APPROVAL")).isEmpty();
        }

        @Test
        void aSuspensionTakesTheClockOffTheScanAndResumingPutsItBackLater() {
            f.clock.set("2026-03-02T10:00");
            f.clocks.pause(cn, PauseReason.APPLICANT_SUPPLEMENT, f.now());
            assertThat(f.clockStore.checkAt(cn, "APPROVAL")).isEmpty();
            f.clock.set("2026-03-02T11:00");
            f.clocks.resume(cn, f.now());
            // an office hour paused: the warning moves from 11:48 to 12:48, which is lunch, so 14:18
            assertThat(f.clockStore.checkAt(cn, "APPROVAL")).contains(beijing("2026-03-02T14:18"));
        }
    }

    @Nested
    class ManyClocks {

        /** 460 cases accepted on Monday at 09:00, 10 of them already closed: 450 running clocks. */
        private final List<String> running = new ArrayList<>();

        ManyClocks() {
            for (int i = 0; i < 460; i++) {
                String cn = f.fileCase("FC", "EO-1");
                f.clocks.startAll(cn, f.version("FC"), f.matter("FC", "EO-1"), f.now());
                if (i % 46 == 0) {
                    f.clocks.stop(cn, EnumSet.allOf(ClockKind.class), f.now());
                } else {
                    running.add(cn);
                }
            }
        }

        @Test
        void aScanInBatchesOf200VisitsEveryRunningClockOnce() {
            assertThat(f.clockStore.running()).isEqualTo(450);
            f.clock.set("2026-03-02T11:50");
            NoTransactions transactions = new NoTransactions();

            new SlaSchedule(f.sla, new TransactionTemplate(transactions)).scan();

            assertThat(warnings()).hasSize(450);
            assertThat(warnings())
                    .extracting(CaseEvent::subject)
                    .as("every running clock once, the first 200 no more than the rest")
                    .containsExactlyInAnyOrderElementsOf(running);
            assertThat(transactions.begun())
                    .as("200 + 200 + 50, one transaction each")
                    .isEqualTo(3);
            assertThat(f.clockStore.batches()).containsExactly(200, 200, 50);
        }

        @Test
        void aScanBeforeAnyWarningIsDueReadsNoClock() {
            f.clock.set("2026-03-02T11:00");
            scan(200);
            assertThat(warnings()).isEmpty();
            assertThat(f.clockStore.batches()).containsExactly(0);
        }

        @Test
        void aSecondScanRaisesNothingNewAndTheNextLevelOnlyOnce() {
            f.clock.set("2026-03-02T11:50");
            scan(200);
            scan(200);
            assertThat(warnings()).hasSize(450);
            f.clock.set("2026-03-02T14:30");
            scan(200);
            scan(200);
            assertThat(breaches()).hasSize(450);
            assertThat(breaches()).extracting(CaseEvent::subject).doesNotHaveDuplicates();
        }

        @Test
        void aCheckedClockLeavesTheScanSoTheNextBatchTakesOthers() {
            f.clock.set("2026-03-02T11:50");
            Instant until = f.sla.now();
            assertThat(f.sla.checkBatch(until, 200)).isTrue();
            assertThat(warnings()).hasSize(200);
            assertThat(f.sla.checkBatch(until, 200)).isTrue();
            assertThat(warnings()).hasSize(400).extracting(CaseEvent::subject).doesNotHaveDuplicates();
            assertThat(f.sla.checkBatch(until, 200))
                    .as("50 < 200: the scan is through")
                    .isFalse();
            assertThat(warnings()).hasSize(450);
        }
    }
}
