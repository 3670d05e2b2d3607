package org.onewindow.runtime.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.onewindow.runtime.fakes.Applications.EO1_NON_CORE;
import static org.onewindow.runtime.fakes.Applications.OWN_USCC;
import static org.onewindow.runtime.fakes.Applications.application;
import static org.onewindow.runtime.fakes.Applications.enterprise;
import static org.onewindow.runtime.fakes.Applications.eo1;
import static org.onewindow.runtime.fakes.Applications.eo1Without;
import static org.onewindow.runtime.fakes.Applications.paper;
import static org.onewindow.runtime.fakes.Applications.person;
import static org.onewindow.runtime.fakes.People.applicant;
import static org.onewindow.runtime.fakes.People.approver;
import static org.onewindow.runtime.fakes.People.clerk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockRuleViolation;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.runtime.casefile.CaseActions.Extension;
import org.onewindow.runtime.casefile.CaseActions.Objection;
import org.onewindow.runtime.casefile.CaseActions.Supplement;
import org.onewindow.runtime.casefile.CaseActions.Suspension;
import org.onewindow.runtime.casefile.CaseActions.Withdrawal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.fakes.RuntimeFixture;

class CaseActionsTest {

    private static final Caller REVIEWER = approver("FC", "market-registration");
    private static final Caller LC_REVIEWER = approver("LC", "market-registration");
    private static final Caller ZHANG = applicant("sub-zhang");
    private static final Caller SOMEONE_ELSE = applicant("sub-li");

    private final RuntimeFixture f = RuntimeFixture.enterpriseOpening();

    /** 企业开办 by 张三 online, complete: accepted Monday 09:00, due 14:00. */
    private String onlineCase() {
        return f.intake.apply(ZHANG, eo1(Channel.ONLINE, person("张三"))).caseNumber();
    }

    /** 企业开办 by 张三 online under 容缺受理: premises proof and officer appointment owed. */
    private String owingCase() {
        return f.intake
                .apply(ZHANG, eo1Without(Channel.ONLINE, person("张三"), EO1_NON_CORE.toArray(String[]::new)))
                .caseNumber();
    }

    private CaseFile file(String caseNumber) {
        return f.caseFile(caseNumber);
    }

    private Instant approvalDue(String caseNumber) {
        return f.clocks.approvalDue(caseNumber, "FC", f.now()).orElseThrow().at();
    }

    private Optional<CaseClock.Pause> paused(String caseNumber) {
        return f.clocks.openPauses(caseNumber).stream().findFirst();
    }

    @Nested
    class Suspending {

        @Test
        void staffSuspendTheClockForAReasonItsLimitExcludes() {
            String cn = onlineCase();
            f.clock.set("2026-03-02T10:00");
            f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", "等待补充股东会决议"));
            assertThat(paused(cn)).hasValueSatisfying(p -> {
                assertThat(p.reason()).isEqualTo(PauseReason.APPLICANT_SUPPLEMENT);
                assertThat(p.from()).isEqualTo(f.now());
            });
            assertThat(f.events.single("case.suspended", cn).data())
                    .isEqualTo(Map.of("reason", "APPLICANT_SUPPLEMENT"));
            AuditEntry audit = f.audit.single("case.suspend", cn);
            assertThat(audit.actor()).isEqualTo("approver.fc.market-registration");
            assertThat(audit.reason()).isEqualTo("等待补充股东会决议");
        }

        @Test
        void aReasonTheLimitDoesNotExcludeIsRefusedByTheClock() {
            String cn = onlineCase();
            assertThatThrownBy(() -> f.actions.suspend(REVIEWER, file(cn), new Suspension("HEARING", "听证")))
                    .isInstanceOfSatisfying(
                            ClockRuleViolation.class, e -> assertThat(e.code()).isEqualTo("clock.pause-not-allowed"));
            assertThat(paused(cn)).isEmpty();
            assertThat(f.events.typesOf(cn)).containsExactly("case.accepted");
            assertThat(f.audit.actionsOf(cn)).containsExactly("case.accept");
        }

        @Test
        void aReasonThatIsNoPauseReasonIsInvalid() {
            String cn = onlineCase();
            assertThatThrownBy(() -> f.actions.suspend(REVIEWER, file(cn), new Suspension("LUNCH", null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                        assertThat(r.violations())
                                .extracting(FieldViolation::code)
                                .containsExactly("reason.unknown");
                    });
        }

        @Test
        void onlyStaffOfTheCasesJurisdictionSuspend() {
            String cn = onlineCase();
            Suspension s = new Suspension("APPLICANT_SUPPLEMENT", null);
            assertForbidden(() -> f.actions.suspend(LC_REVIEWER, file(cn), s));
            assertForbidden(() -> f.actions.suspend(ZHANG, file(cn), s));
            assertThat(paused(cn)).isEmpty();
        }

        @Test
        void aDecidedCaseIsNotSuspended() {
            String cn = onlineCase();
            f.approve(cn);
            assertConflict(
                    () -> f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", null)),
                    "case.decided");
        }
    }

    @Nested
    class Resuming {

        @Test
        void staffResumeAndTheDueDateMovesByTheOfficeTimeSuspended() {
            String cn = onlineCase();
            f.clock.set("2026-03-02T10:00");
            f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", null));
            f.clock.set("2026-03-02T11:00");
            f.actions.resume(REVIEWER, file(cn));
            assertThat(paused(cn)).isEmpty();
            assertThat(approvalDue(cn)).isEqualTo(f.clock.local("2026-03-02T15:00"));
            assertThat(f.events.typesOf(cn)).containsExactly("case.accepted", "case.suspended", "case.resumed");
            // a reader of events alone (the supervision board) learns where the due date moved
            assertThat(f.events.single("case.resumed", cn).data())
                    .containsEntry(
                            "promisedDueAt", f.clock.local("2026-03-02T15:00").toString());
            assertThat(f.audit.single("case.resume", cn).actor()).isEqualTo("approver.fc.market-registration");
        }

        @Test
        void theApplicantResumesTheirOwnCaseOnceTheSupplementIsIn() {
            String cn = onlineCase();
            f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", null));
            f.actions.resume(ZHANG, file(cn));
            assertThat(paused(cn)).isEmpty();
        }

        @Test
        void nobodyElseResumesIt() {
            String cn = onlineCase();
            f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", null));
            assertForbidden(() -> f.actions.resume(SOMEONE_ELSE, file(cn)));
            assertForbidden(() -> f.actions.resume(LC_REVIEWER, file(cn)));
            assertThat(paused(cn)).isPresent();
        }

        @Test
        void aRunningClockIsNotResumed() {
            String cn = onlineCase();
            assertConflict(() -> f.actions.resume(REVIEWER, file(cn)), "case.not-suspended");
        }
    }

    @Nested
    class Extending {

        /** FC's EO-1 with its 0.5 WD approval limit extendable to 1 WD. */
        private final RuntimeFixture g = RuntimeFixture.forService(OwningService.ENTERPRISE_OPENING)
                .catalogue(RuntimeFixture.catalogueWithApprovalLimit(
                        "FC", "EO-1", l -> RuntimeFixture.extendableTo(l, TimeLimit.workingDays(1))))
                .build();

        private final String cn =
                g.intake.apply(ZHANG, eo1(Channel.ONLINE, person("张三"))).caseNumber();

        private Instant due() {
            return g.clocks.approvalDue(cn, "FC", g.now()).orElseThrow().at();
        }

        @Test
        void withinTheCeilingMovesTheDueDateAndIsAuditedWithReasonAndAuthority() {
            assertThat(due()).isEqualTo(g.clock.local("2026-03-02T14:00"));
            g.actions.extend(REVIEWER, g.caseFile(cn), new Extension(new BigDecimal("0.5"), "需现场核查经营场所", "王科长", null));
            // 0.5 + 0.5 = 1 working day, which the kernel counts from the next working day (民法典 art. 201)
            assertThat(due()).isEqualTo(g.clock.local("2026-03-03T17:30"));
            AuditEntry audit = g.audit.single("case.extend", cn);
            assertThat(audit.reason()).isEqualTo("需现场核查经营场所");
            assertThat(audit.details())
                    .containsOnly(
                            entry("clock", "APPROVAL"),
                            entry("amount", "0.5"),
                            entry("unit", "WORKING_DAYS"),
                            entry("authorisedBy", "王科长"),
                            entry(
                                    "promisedDueAt",
                                    g.clock.local("2026-03-03T17:30").toString()));
            assertThat(g.events.single("case.extended", cn).data()).containsEntry("authorisedBy", "王科长");
            assertThat(g.clocks.of(cn).get(0).clock().extensions())
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.reason()).isEqualTo("需现场核查经营场所");
                        assertThat(e.authorisedBy()).isEqualTo("王科长");
                    });
        }

        @Test
        void beyondTheCeilingIsRefusedAndTheDueDateStays() {
            assertThatThrownBy(() -> g.actions.extend(
                            REVIEWER, g.caseFile(cn), new Extension(BigDecimal.ONE, "需现场核查", "王科长", null)))
                    .isInstanceOfSatisfying(ClockRuleViolation.class, e -> assertThat(e.code())
                            .isEqualTo("clock.extension-beyond-ceiling"));
            assertThat(due()).isEqualTo(g.clock.local("2026-03-02T14:00"));
            assertThat(g.audit.actionsOf(cn)).containsExactly("case.accept");
        }

        @Test
        void theShippedEnterpriseOpeningLimitAllowsNoExtensionAtAll() {
            String shipped = onlineCase();
            assertThatThrownBy(() -> f.actions.extend(
                            REVIEWER, file(shipped), new Extension(new BigDecimal("0.5"), "需现场核查", "王科长", null)))
                    .isInstanceOfSatisfying(ClockRuleViolation.class, e -> assertThat(e.code())
                            .isEqualTo("clock.extension-beyond-ceiling"));
        }

        @Test
        void withoutAReasonIsRefusedNamingTheField() {
            assertThatThrownBy(() -> g.actions.extend(
                            REVIEWER, g.caseFile(cn), new Extension(new BigDecimal("0.5"), " ", "王科长", null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                        assertThat(r.violations())
                                .extracting(FieldViolation::field, FieldViolation::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "reason.missing"));
                    });
            assertThat(due()).isEqualTo(g.clock.local("2026-03-02T14:00"));
        }

        @Test
        void anEmptyRequestIsRefusedWithEveryFieldAtOnce() {
            assertThatThrownBy(() -> g.actions.extend(REVIEWER, g.caseFile(cn), new Extension(null, null, null, null)))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("amount.invalid", "reason.missing", "authorised-by.missing"));
        }

        @Test
        void onlyStaffOfTheJurisdictionExtend() {
            Extension e = new Extension(new BigDecimal("0.5"), "需现场核查", "王科长", null);
            assertForbidden(() -> g.actions.extend(ZHANG, g.caseFile(cn), e));
            assertForbidden(() -> g.actions.extend(LC_REVIEWER, g.caseFile(cn), e));
            assertThat(due()).isEqualTo(g.clock.local("2026-03-02T14:00"));
        }

        @Test
        void aDecidedCaseIsNotExtended() {
            g.approve(cn);
            assertConflict(
                    () -> g.actions.extend(
                            REVIEWER, g.caseFile(cn), new Extension(new BigDecimal("0.5"), "需现场核查", "王科长", null)),
                    "case.decided");
        }
    }

    @Nested
    class Supplementing {

        private Supplement handIn(String code, MaterialForm form, String reference) {
            return new Supplement(List.of(new Application.Material(code, form, reference)));
        }

        @Test
        void crossesOwedMaterialsOffAndResumesTheWaitingClockWhenTheLastIsIn() {
            String cn = owingCase();
            f.actions.suspend(REVIEWER, file(cn), new Suspension("APPLICANT_SUPPLEMENT", "等待容缺材料"));

            f.actions.supplement(ZHANG, file(cn), handIn("premises-proof", MaterialForm.UPLOAD, "upload-7f3a"));
            assertThat(f.cases.owed(cn)).containsExactly("officer-appointment");
            assertThat(paused(cn)).as("one material is still owed").isPresent();

            f.actions.supplement(ZHANG, file(cn), handIn("officer-appointment", MaterialForm.PAPER, null));
            assertThat(f.cases.owed(cn)).isEmpty();
            assertThat(paused(cn)).isEmpty();
            assertThat(f.events.typesOf(cn))
                    .containsExactly(
                            "case.accepted",
                            "case.suspended",
                            "case.step-completed",
                            "case.step-completed",
                            "case.resumed");
            assertThat(f.events.ofType("case.step-completed"))
                    .extracting(e -> e.data().get("outcome"))
                    .containsExactly("premises-proof", "officer-appointment");
            assertThat(f.audit.single("case.resume", cn).actor()).isEqualTo("system");
        }

        @Test
        void theLastMaterialInWhileTheClockRunsResumesNothing() {
            String cn = owingCase();
            f.actions.supplement(
                    ZHANG,
                    file(cn),
                    new Supplement(List.of(
                            new Application.Material("premises-proof", MaterialForm.PAPER, null),
                            new Application.Material("officer-appointment", MaterialForm.PAPER, null))));
            assertThat(f.cases.owed(cn)).isEmpty();
            assertThat(f.events.typesOf(cn)).containsExactly("case.accepted", "case.step-completed");
        }

        @Test
        void theLastMaterialInTellsAModelThatWaitsForIt() {
            String cn = owingCase();
            f.workflow.awaitMessage(cn, CaseActions.MATERIALS_COMPLETE);

            f.actions.supplement(ZHANG, file(cn), handIn("premises-proof", MaterialForm.PAPER, null));
            assertThat(f.workflow.messages()).as("one material is still owed").isEmpty();

            f.actions.supplement(ZHANG, file(cn), handIn("officer-appointment", MaterialForm.PAPER, null));
            assertThat(f.workflow.messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.message()).isEqualTo("materials-complete"))
                    .satisfies(m -> assertThat(m.variables()).containsEntry("materialsComplete", true));
        }

        @Test
        void onlyOwedMaterialsWithTheirReferenceAreTaken() {
            String cn = owingCase();
            Supplement wrong = new Supplement(List.of(
                    new Application.Material("articles-of-association", MaterialForm.PAPER, null),
                    new Application.Material("premises-proof", MaterialForm.UPLOAD, " ")));
            assertThatThrownBy(() -> f.actions.supplement(ZHANG, file(cn), wrong))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::field, FieldViolation::code)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("materials[0].code", "material.not-owed"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "materials[1].reference", "material.reference-missing")));
            assertThatThrownBy(() -> f.actions.supplement(ZHANG, file(cn), new Supplement(List.of())))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("materials.missing"));
            assertThat(f.cases.owed(cn)).containsExactly("premises-proof", "officer-appointment");
        }

        @Test
        void theWindowHandsInForAWalkInButNotForAnOnlineApplicant() {
            String walkIn = f.intake
                    .apply(clerk("FC"), eo1Without(Channel.WINDOW, person("赵六"), "premises-proof"))
                    .caseNumber();
            f.actions.supplement(clerk("FC"), file(walkIn), handIn("premises-proof", MaterialForm.PAPER, null));
            assertThat(f.cases.owed(walkIn)).isEmpty();

            String online = owingCase();
            assertForbidden(() -> f.actions.supplement(
                    clerk("FC"), file(online), handIn("premises-proof", MaterialForm.PAPER, null)));
            assertForbidden(() -> f.actions.supplement(
                    SOMEONE_ELSE, file(online), handIn("premises-proof", MaterialForm.PAPER, null)));
        }

        @Test
        void aClosedCaseTakesNoSupplement() {
            String cn = owingCase();
            f.actions.withdraw(ZHANG, file(cn), new Withdrawal("不再开办"));
            assertConflict(
                    () -> f.actions.supplement(ZHANG, file(cn), handIn("premises-proof", MaterialForm.PAPER, null)),
                    "case.closed");
        }

        /** Handing in the last owed material ends only a pause that waits for the applicant (补正); a 公示 the office runs goes on. */
        @Test
        void theLastMaterialInDoesNotEndASuspensionForPublicNotice() {
            RuntimeFixture cp =
                    RuntimeFixture.forService(OwningService.CONSTRUCTION_PERMIT).build();
            // FC's CP-1: 12 WD, paused for 公示, 缴费 and 特殊程序; the power of attorney may be owed
            String cn = cp.intake
                    .apply(
                            clerk("FC"),
                            application(
                                    "FC",
                                    "CP-1",
                                    Channel.WINDOW,
                                    enterprise("峰城置业有限公司", OWN_USCC),
                                    paper("application-form", "project-approval-documents", "site-location-map"),
                                    Map.of()))
                    .caseNumber();
            assertThat(cp.cases.owed(cn)).containsExactly("agent-authorisation");
            cp.actions.suspend(approver("FC", "planning"), cp.caseFile(cn), new Suspension("PUBLIC_NOTICE", "选址公示"));

            cp.actions.supplement(
                    clerk("FC"), cp.caseFile(cn), handIn("agent-authorisation", MaterialForm.PAPER, null));

            assertThat(cp.cases.owed(cn)).isEmpty();
            assertThat(cp.clocks.openPauses(cn).stream().findFirst())
                    .as("the 公示 goes on after the power of attorney is in")
                    .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.PUBLIC_NOTICE));
            assertThat(cp.events.typesOf(cn)).doesNotContain("case.resumed");
        }
    }

    /** The applicant ends only a suspension that waits for them; a 公示 or an expert review is the office's to end. */
    @Test
    void theApplicantCannotEndASuspensionForPublicNotice() {
        RuntimeFixture cp =
                RuntimeFixture.forService(OwningService.CONSTRUCTION_PERMIT).build();
        Caller owner = applicant("sub-zhiye");
        String cn = cp.intake
                .apply(
                        owner,
                        application(
                                "FC",
                                "CP-1",
                                Channel.ONLINE,
                                person("张三"),
                                paper(
                                        "application-form",
                                        "project-approval-documents",
                                        "site-location-map",
                                        "agent-authorisation"),
                                Map.of()))
                .caseNumber();
        cp.actions.suspend(approver("FC", "planning"), cp.caseFile(cn), new Suspension("PUBLIC_NOTICE", "选址公示"));

        assertThatThrownBy(() -> cp.actions.resume(owner, cp.caseFile(cn))).isInstanceOf(Rejection.class);
        assertThat(cp.clocks.openPauses(cn).stream().findFirst()).isPresent();
    }

    @Nested
    class ACaseTimedOnlyByAStepLimit {

        /** QX's EO-1 states no approval limit, only the business licence's 1 WD, paused for the applicant. */
        private final String cn = f.intake
                .apply(
                        ZHANG,
                        application(
                                "QX",
                                "EO-1",
                                Channel.ONLINE,
                                person("张三"),
                                paper(org.onewindow.runtime.fakes.Applications.EO1_CORE),
                                Map.of()))
                .caseNumber();

        private CaseClock businessLicence() {
            return f.clocks.of(cn).stream()
                    .filter(s -> s.name().equals("STEP:business-licence"))
                    .findFirst()
                    .orElseThrow()
                    .clock();
        }

        @Test
        void staffSuspendItAndTheStepClockPauses() {
            assertThat(f.clocks.of(cn)).extracting(s -> s.name()).containsExactly("STEP:business-licence");
            f.actions.suspend(
                    approver("QX", "market-registration"), file(cn), new Suspension("APPLICANT_SUPPLEMENT", null));
            assertThat(businessLicence().openPause()).isPresent();
            assertThat(f.events.single("case.suspended", cn).data())
                    .isEqualTo(Map.of("reason", "APPLICANT_SUPPLEMENT"));
        }

        /** A case whose only clock is a step's (QX EO-1: no approval limit, the licence in 1 WD) is suspended and resumed like any other. */
        @Test
        void staffResumeItAgain() {
            Caller staff = approver("QX", "market-registration");
            f.actions.suspend(staff, file(cn), new Suspension("APPLICANT_SUPPLEMENT", null));
            f.clock.advance(java.time.Duration.ofHours(1));
            f.actions.resume(staff, file(cn));
            assertThat(businessLicence().openPause()).isEmpty();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void beforeTheDecisionEndsTheProcessAndStopsEveryClock() {
            String cn = onlineCase();
            f.clock.set("2026-03-02T10:30");
            f.actions.withdraw(ZHANG, file(cn), new Withdrawal("不再开办"));
            assertThat(file(cn).status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(f.workflow.cancellations())
                    .extracting(c -> c.caseNumber() + " " + c.reason())
                    .containsExactly(cn + " withdrawn: 不再开办");
            assertThat(f.clocks.of(cn))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.clock().stoppedAt()).isEqualTo(f.now()));
            AuditEntry audit = f.audit.single("case.withdraw", cn);
            assertThat(audit.actor()).isEqualTo("sub-zhang");
            assertThat(audit.reason()).isEqualTo("不再开办");
        }

        @Test
        void afterTheDecisionIsRefused() {
            String cn = onlineCase();
            f.approve(cn);
            assertConflict(() -> f.actions.withdraw(ZHANG, file(cn), new Withdrawal("不再开办")), "case.decided");
            assertThat(file(cn).status()).isEqualTo(CaseStatus.APPROVED);
            assertThat(f.workflow.cancellations()).isEmpty();
        }

        @Test
        void aCaseDecidedSinceItWasReadIsNotWithdrawn() {
            String cn = onlineCase();
            CaseFile read = file(cn);
            f.approve(cn);
            assertConflict(() -> f.actions.withdraw(ZHANG, read, new Withdrawal("不再开办")), "case.decided");
            assertThat(file(cn).status()).isEqualTo(CaseStatus.APPROVED);
            assertThat(f.workflow.cancellations()).isEmpty();
        }

        @Test
        void withoutAReasonIsRefused() {
            String cn = onlineCase();
            assertThatThrownBy(() -> f.actions.withdraw(ZHANG, file(cn), new Withdrawal("")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("reason.missing"));
            assertThat(file(cn).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void onlyTheApplicantWithdrawsAnOnlineCase() {
            String cn = onlineCase();
            assertForbidden(() -> f.actions.withdraw(SOMEONE_ELSE, file(cn), new Withdrawal("不再开办")));
            assertForbidden(() -> f.actions.withdraw(clerk("FC"), file(cn), new Withdrawal("不再开办")));
            assertThat(file(cn).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }
    }

    @Nested
    class Rating {

        @Test
        void isOpenOnlyAfterDelivery() {
            String cn = onlineCase();
            assertConflict(() -> f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(5, null)), "rating.not-open");
            f.approve(cn);
            assertConflict(() -> f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(5, null)), "rating.not-open");
            assertThat(f.events.ofType("case.rated")).isEmpty();
        }

        @Test
        void aDeliveredCaseIsRatedOnceOnly() {
            String cn = onlineCase();
            f.approveAndDeliver(cn);
            f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(5, "当天办结"));
            assertThat(file(cn).rating()).isEqualTo(5);
            assertThat(f.cases.ratingComment(cn)).contains("当天办结");
            assertThat(f.events.single("case.rated", cn).data()).isEqualTo(Map.of("score", 5, "comment", "当天办结"));

            assertConflict(() -> f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(1, "改评")), "rating.not-open");
            assertThat(file(cn).rating()).isEqualTo(5);
            assertThat(f.events.ofType("case.rated")).hasSize(1);
        }

        @Test
        void aScoreIsAWholeNumberFromOneToFiveAndACommentAtMost500Characters() {
            String cn = onlineCase();
            f.approveAndDeliver(cn);
            for (Integer score : new Integer[] {0, 6, null}) {
                assertThatThrownBy(() -> f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(score, null)))
                        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                                .extracting(FieldViolation::code)
                                .containsExactly("score.invalid"));
            }
            assertThatThrownBy(() -> f.actions.rate(ZHANG, file(cn), new CaseActions.Rating(4, "好".repeat(501))))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("comment.too-long"));
            assertThat(file(cn).rating()).isNull();
        }

        @Test
        void onlyTheApplicantRatesTheirCase() {
            String cn = onlineCase();
            f.approveAndDeliver(cn);
            assertForbidden(() -> f.actions.rate(SOMEONE_ELSE, file(cn), new CaseActions.Rating(1, null)));
            assertThat(file(cn).rating()).isNull();
        }
    }

    @Nested
    class Objecting {

        @Test
        void duringTheNoticeTheObjectionReachesTheProcess() {
            String cn = onlineCase();
            f.workflow.awaitMessage(cn, "objection-raised");
            f.actions.object(SOMEONE_ELSE, file(cn), new Objection(null, "公司尚欠本人货款"));
            assertThat(f.workflow.messages()).singleElement().satisfies(m -> {
                assertThat(m.message()).isEqualTo("objection-raised");
                assertThat(m.variables())
                        .containsOnly(entry("objector", "sub-li"), entry("objectionReason", "公司尚欠本人货款"));
            });
            assertThat(f.audit.single("case.object", cn).reason()).isEqualTo("公司尚欠本人货款");
        }

        @Test
        void outsideTheNoticeThereIsNothingToObjectTo() {
            String cn = onlineCase();
            assertConflict(
                    () -> f.actions.object(SOMEONE_ELSE, file(cn), new Objection(null, "公司尚欠本人货款")),
                    "case.not-in-notice");
            assertThat(f.audit.actionsOf(cn)).containsExactly("case.accept");
        }

        @Test
        void anObjectionNeedsItsGrounds() {
            String cn = onlineCase();
            f.workflow.awaitMessage(cn, "objection-raised");
            assertThatThrownBy(() -> f.actions.object(SOMEONE_ELSE, file(cn), new Objection("李四", " ")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::code)
                            .containsExactly("reason.missing"));
            assertThat(f.workflow.messages()).isEmpty();
        }
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN);
            assertThat(r.code()).isEqualTo("access.denied");
        });
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
            assertThat(r.code()).isEqualTo(code);
        });
    }
}
