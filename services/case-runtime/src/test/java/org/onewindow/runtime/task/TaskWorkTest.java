package org.onewindow.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.onewindow.runtime.fakes.Applications.eo1;
import static org.onewindow.runtime.fakes.Applications.person;
import static org.onewindow.runtime.fakes.People.applicant;
import static org.onewindow.runtime.fakes.People.approver;
import static org.onewindow.runtime.fakes.People.clerk;
import static org.onewindow.runtime.fakes.People.supervisor;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.fakes.RuntimeFixture;
import org.onewindow.runtime.task.TaskWork.Completion;
import org.onewindow.runtime.task.TaskWork.Reassignment;
import org.onewindow.runtime.workflow.model.WorkItem;

class TaskWorkTest {

    private static final String REVIEW = "review-business-licence";
    private static final Caller WANG = approver("FC", "market-registration", "wang");
    private static final Caller LIU = approver("FC", "market-registration", "liu");
    private static final Caller CHEN = approver("FC", "market-registration", "chen");
    private static final Caller FC_TAX = approver("FC", "tax", "zhao");
    private static final Caller LC_APPROVER = approver("LC", "market-registration", "sun");

    private final RuntimeFixture f = RuntimeFixture.enterpriseOpening();

    private final String cn = f.intake
            .apply(applicant("sub-zhang"), eo1(Channel.ONLINE, person("张三")))
            .caseNumber();

    private final WorkItem review = f.workflow.addTask(cn, REVIEW, "FC", "market-registration");

    private WorkItem current(WorkItem task) {
        return f.workflow.task(task.id()).orElseThrow();
    }

    @Nested
    class TheInbox {

        @Test
        void showsOnlyOpenTasksOfTheCallersJurisdictionAndDepartmentOldestFirst() {
            WorkItem tax = f.workflow.addTask(cn, "review-tax", "FC", "tax");
            WorkItem elsewhere = f.workflow.addTask("LC-EO-20260302-000001-A", REVIEW, "LC", "market-registration");
            f.clock.advance(Duration.ofMinutes(5));
            WorkItem later = f.workflow.addTask(cn, "review-seals", "FC", "market-registration");

            assertThat(f.tasks.inbox(WANG)).extracting(WorkItem::id).containsExactly(review.id(), later.id());
            assertThat(f.tasks.inbox(FC_TAX)).extracting(WorkItem::id).containsExactly(tax.id());
            assertThat(f.tasks.inbox(LC_APPROVER)).extracting(WorkItem::id).containsExactly(elsewhere.id());
        }

        @Test
        void queuesTheMostUrgentCaseFirstWithWhereItsClockStands() {
            f.clock.advance(Duration.ofHours(1));
            String younger = f.intake
                    .apply(applicant("sub-li"), eo1(Channel.ONLINE, person("李四")))
                    .caseNumber();
            WorkItem youngerReview = f.workflow.addTask(younger, REVIEW, "FC", "market-registration");
            f.workflow.complete(review.id(), Map.of()); // only the two reviews below stay open
            WorkItem olderReview = f.workflow.addTask(cn, "review-seals", "FC", "market-registration");

            assertThat(f.tasks.queue(WANG))
                    .as("the older case has less time left, though its task came later")
                    .extracting(q -> q.task().id())
                    .containsExactly(olderReview.id(), youngerReview.id());
            TaskWork.Queued first = f.tasks.queue(WANG).get(0);
            assertThat(first.file().caseNumber()).isEqualTo(cn);
            assertThat(first.standing().level()).isEqualTo(SlaLevel.GREEN);

            f.clock.advance(Duration.ofDays(30));
            assertThat(f.tasks.queue(WANG))
                    .extracting(q -> q.standing().level().name())
                    .containsOnly("RED");
        }

        @Test
        void isEmptyForAnApplicantAndForStaffWithoutADepartment() {
            Caller noDepartment = new Caller(
                    "sub-x",
                    "x",
                    java.util.Set.of(org.onewindow.kernel.security.model.Role.APPROVER),
                    "FC",
                    null,
                    null);
            assertThat(f.tasks.inbox(applicant("sub-zhang"))).isEmpty();
            assertThat(f.tasks.inbox(noDepartment)).isEmpty();
        }
    }

    @Nested
    class Claiming {

        @Test
        void anApproverOfTheDepartmentClaimsAnOpenTaskAndItIsAudited() {
            f.tasks.claim(WANG, review.id());
            assertThat(current(review).assignee()).isEqualTo("wang");
            AuditEntry audit = f.audit.single("task.claim", cn);
            assertThat(audit.actor()).isEqualTo("wang");
            assertThat(audit.reason()).isEqualTo(REVIEW);
        }

        @Test
        void aTaskClaimedBySomeoneElseIsAConflict() {
            f.tasks.claim(WANG, review.id());
            assertThatThrownBy(() -> f.tasks.claim(LIU, review.id())).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                assertThat(r.code()).isEqualTo("task.claimed");
            });
            assertThat(current(review).assignee()).isEqualTo("wang");
        }

        @Test
        void claimingOnesOwnTaskAgainChangesNothing() {
            f.tasks.claim(WANG, review.id());
            f.tasks.claim(WANG, review.id());
            assertThat(current(review).assignee()).isEqualTo("wang");
        }

        @Test
        void anApproverOfAnotherJurisdictionOrDepartmentIsForbidden() {
            assertForbidden(() -> f.tasks.claim(LC_APPROVER, review.id()));
            assertForbidden(() -> f.tasks.claim(FC_TAX, review.id()));
            assertForbidden(() -> f.tasks.complete(LC_APPROVER, review.id(), new Completion("APPROVED", null, null)));
            assertThat(current(review).assignee()).isNull();
            assertThat(f.workflow.completions()).isEmpty();
        }

        @Test
        void aClerkDoesNotWorkAReview() {
            Caller clerkOfTheDepartment = new Caller(
                    "sub-c",
                    "c",
                    java.util.Set.of(org.onewindow.kernel.security.model.Role.CLERK),
                    "FC",
                    "market-registration",
                    null);
            assertForbidden(() -> f.tasks.claim(clerkOfTheDepartment, review.id()));
        }

        @Test
        void anUnknownTaskIsNotFound() {
            assertThatThrownBy(() -> f.tasks.claim(WANG, "task-404")).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
                assertThat(r.code()).isEqualTo("task.unknown");
            });
        }
    }

    @Nested
    class Reviewing {

        @Test
        void anApprovalCompletesTheTaskWithTheDecisionForTheModel() {
            f.tasks.complete(WANG, review.id(), new Completion("APPROVED", null, null));
            assertThat(f.workflow.completions()).singleElement().satisfies(c -> {
                assertThat(c.task().id()).isEqualTo(review.id());
                assertThat(c.variables())
                        .containsOnly(entry("reviewDecision", "APPROVED"), entry("reviewComment", null));
            });
            assertThat(f.workflow.task(review.id())).isEmpty();
            assertThat(f.events.single("case.step-completed", cn).data())
                    .as("with when the task was created, for the step-duration metric")
                    .isEqualTo(Map.of(
                            "step",
                            REVIEW,
                            "outcome",
                            "APPROVED",
                            "completedBy",
                            "wang",
                            "startedAt",
                            review.created().toString()));
        }

        @Test
        void aDenialWithItsReasonCompletesTheTask() {
            f.tasks.complete(WANG, review.id(), new Completion("DENIED", "经营范围含前置许可项目", null));
            assertThat(f.workflow.completions()).singleElement().satisfies(c -> assertThat(c.variables())
                    .containsOnly(entry("reviewDecision", "DENIED"), entry("reviewComment", "经营范围含前置许可项目")));
            assertThat(f.audit.single(REVIEW, cn).reason()).isEqualTo("经营范围含前置许可项目");
        }

        @Test
        void aDenialWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
            assertThatThrownBy(() -> f.tasks.complete(WANG, review.id(), new Completion("DENIED", " ", null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                        assertThat(r.violations())
                                .extracting(FieldViolation::code)
                                .containsExactly("comment.missing");
                    });
            assertThat(f.workflow.task(review.id())).isPresent();
            assertThat(f.workflow.completions()).isEmpty();
            assertThat(f.events.ofType("case.step-completed")).isEmpty();
        }

        @Test
        void aReviewIsDecidedOnlyByApprovalOrDenial() {
            for (String odd : new String[] {"UPHELD", "approved", "MAYBE"}) {
                assertThatThrownBy(() -> f.tasks.complete(WANG, review.id(), new Completion(odd, "x", null)))
                        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                                .extracting(FieldViolation::code)
                                .containsExactly("decision.invalid"));
            }
            assertThat(f.workflow.completions()).isEmpty();
        }

        /** A completion without a decision, or with no body, is a 400 naming the field, never a 500. */
        @Test
        void aCompletionWithoutADecisionIsInvalidNotAnError() {
            for (Completion missing : new Completion[] {new Completion(null, "x", null), null}) {
                assertThatThrownBy(() -> f.tasks.complete(WANG, review.id(), missing))
                        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                                .extracting(FieldViolation::code)
                                .containsExactly("decision.invalid"));
            }
            assertThat(f.workflow.completions()).isEmpty();
        }

        @Test
        void anObjectionIsUpheldWithItsReasonOrDismissed() {
            WorkItem objection = f.workflow.addTask(cn, TaskWork.OBJECTION, "FC", "market-registration");
            assertThatThrownBy(() -> f.tasks.complete(WANG, objection.id(), new Completion("UPHELD", null, null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("comment.missing"));
            assertThatThrownBy(() -> f.tasks.complete(WANG, objection.id(), new Completion("APPROVED", null, null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("decision.invalid"));
            f.tasks.complete(WANG, objection.id(), new Completion("DISMISSED", null, null));
            assertThat(f.workflow.completions()).singleElement().satisfies(c -> assertThat(c.variables())
                    .containsEntry("objectionDecision", "DISMISSED"));
        }
    }

    @Nested
    class Delivering {

        /** QX's CP-8: 20 WD approval and a 100 WD whole process that runs on until delivery. */
        private final String lowRisk = f.fileCase("QX", "CP-8");

        private final WorkItem delivery;

        Delivering() {
            f.clocks.startAll(lowRisk, f.version("QX"), f.matter("QX", "CP-8"), f.now());
            delivery = f.workflow.addTask(lowRisk, TaskWork.DELIVER, "QX", "window");
        }

        @Test
        void theWindowDeliversAnApprovedCaseAndEveryClockStops() {
            f.approve(lowRisk);
            assertThat(f.clocks.of(lowRisk))
                    .filteredOn(c -> c.clock().stoppedAt() == null)
                    .extracting(c -> c.clock().kind())
                    .containsExactly(ClockKind.WHOLE_PROCESS);
            f.clock.advance(Duration.ofHours(2));

            f.tasks.complete(clerk("QX"), delivery.id(), new Completion(null, null, "POST"));

            assertThat(f.caseFile(lowRisk).status()).isEqualTo(CaseStatus.DELIVERED);
            assertThat(f.caseFile(lowRisk).deliveredAt()).isEqualTo(f.now());
            assertThat(f.clocks.of(lowRisk))
                    .filteredOn(c -> c.clock().kind() == ClockKind.WHOLE_PROCESS)
                    .singleElement()
                    .satisfies(c -> assertThat(c.clock().stoppedAt()).isEqualTo(f.now()));
            assertThat(f.clockStore.running()).as("only the EO-1 case's clock").isEqualTo(1);
            assertThat(f.events.single("case.delivered", lowRisk).data()).isEqualTo(Map.of("channel", "POST"));
            assertThat(f.workflow.completions()).singleElement().satisfies(c -> assertThat(c.variables())
                    .containsOnly(entry("deliveryChannel", "POST")));
        }

        @Test
        void theWindowIsTheDefaultDeliveryChannel() {
            f.approve(lowRisk);
            f.tasks.complete(clerk("QX"), delivery.id(), null);
            assertThat(f.events.single("case.delivered", lowRisk).data()).isEqualTo(Map.of("channel", "WINDOW"));
        }

        @Test
        void aCaseNotApprovedIsNotDelivered() {
            assertThatThrownBy(() -> f.tasks.complete(clerk("QX"), delivery.id(), new Completion(null, null, "WINDOW")))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                        assertThat(r.code()).isEqualTo("case.not-approved");
                    });
            assertThat(f.caseFile(lowRisk).status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(f.clocks.of(lowRisk))
                    .allSatisfy(c -> assertThat(c.clock().stoppedAt()).isNull());
            assertThat(f.workflow.task(delivery.id())).isPresent();
            assertThat(f.events.ofType("case.delivered")).isEmpty();
        }

        @Test
        void anUnknownChannelIsRefused() {
            f.approve(lowRisk);
            assertThatThrownBy(() -> f.tasks.complete(clerk("QX"), delivery.id(), new Completion(null, null, "PIGEON")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("channel.invalid"));
            assertThat(f.caseFile(lowRisk).status()).isEqualTo(CaseStatus.APPROVED);
        }

        @Test
        void anApproverDoesNotDeliver() {
            f.approve(lowRisk);
            assertForbidden(() -> f.tasks.complete(
                    approver("QX", "window", "qian"), delivery.id(), new Completion(null, null, "WINDOW")));
            assertThat(f.caseFile(lowRisk).status()).isEqualTo(CaseStatus.APPROVED);
        }
    }

    @Nested
    class Reassigning {

        @Test
        void aColleagueHandsTheTaskOnWithAReasonAndTheAuditSaysFromWhomToWhom() {
            f.tasks.claim(WANG, review.id());
            f.tasks.reassign(LIU, review.id(), new Reassignment("chen", "王某休假"));
            assertThat(current(review).assignee()).isEqualTo("chen");
            AuditEntry audit = f.audit.single("task.reassign", cn);
            assertThat(audit.actor()).isEqualTo("liu");
            assertThat(audit.reason()).isEqualTo("王某休假");
            assertThat(audit.details())
                    .containsOnly(entry("activity", REVIEW), entry("from", "wang"), entry("to", "chen"));
        }

        @Test
        void withoutAReasonIsRefusedAndTheAssigneeStays() {
            f.tasks.claim(WANG, review.id());
            assertThatThrownBy(() -> f.tasks.reassign(LIU, review.id(), new Reassignment("chen", " ")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("reason.missing"));
            assertThat(current(review).assignee()).isEqualTo("wang");
            assertThat(f.audit.actionsOf(cn)).doesNotContain("task.reassign");
        }

        @Test
        void aSupervisorOfTheJurisdictionMayHandItBackToTheGroup() {
            f.tasks.claim(WANG, review.id());
            f.tasks.reassign(supervisor("FC"), review.id(), new Reassignment(" ", "超时未办，退回科室"));
            assertThat(current(review).assignee()).isNull();
            Map<String, Object> details =
                    new HashMap<>(f.audit.single("task.reassign", cn).details());
            assertThat(details).containsEntry("from", "wang").containsEntry("to", "");
        }

        @Test
        void aSupervisorOfAnotherJurisdictionAnApplicantOrAnotherDepartmentIsForbidden() {
            f.tasks.claim(WANG, review.id());
            Reassignment r = new Reassignment("chen", "王某休假");
            assertForbidden(() -> f.tasks.reassign(supervisor("LC"), review.id(), r));
            assertForbidden(() -> f.tasks.reassign(applicant("sub-zhang"), review.id(), r));
            assertForbidden(() -> f.tasks.reassign(FC_TAX, review.id(), r));
            assertThat(current(review).assignee()).isEqualTo("wang");
        }

        @Test
        void theNewAssigneeMayThenWorkIt() {
            f.tasks.reassign(LIU, review.id(), new Reassignment("chen", "按分工"));
            f.tasks.complete(CHEN, review.id(), new Completion("APPROVED", null, null));
            assertThat(f.workflow.completions()).hasSize(1);
        }
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN);
            assertThat(r.code()).isEqualTo("access.denied");
        });
    }
}
