package org.onewindow.runtime.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.onewindow.runtime.fakes.Applications.EO1_NON_CORE;
import static org.onewindow.runtime.fakes.Applications.ID_NUMBER;
import static org.onewindow.runtime.fakes.Applications.OTHER_USCC;
import static org.onewindow.runtime.fakes.Applications.OWN_USCC;
import static org.onewindow.runtime.fakes.Applications.application;
import static org.onewindow.runtime.fakes.Applications.enterprise;
import static org.onewindow.runtime.fakes.Applications.eo1;
import static org.onewindow.runtime.fakes.Applications.eo1Without;
import static org.onewindow.runtime.fakes.Applications.paper;
import static org.onewindow.runtime.fakes.Applications.person;
import static org.onewindow.runtime.fakes.People.applicant;
import static org.onewindow.runtime.fakes.People.clerk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.acceptance.model.AcceptanceOutcome;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.clock.model.ClockStore;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.runtime.fakes.People;
import org.onewindow.runtime.fakes.RuntimeFixture;

class IntakeTest {

    /** A service's own process variable, as enterprise-opening adds its reform path. */
    private static final MatterVariables REFORM_PATH =
            (version, matter, application) -> Map.of("reformPath", "STANDARD");

    private final RuntimeFixture f = RuntimeFixture.forService(OwningService.ENTERPRISE_OPENING)
            .with(REFORM_PATH)
            .build();

    private final Instant monday0900 = f.now();

    /** FC's EO-1 is 0.5 working days = 3.5 office hours: 09:00–12:00, then 13:30–14:00. */
    private final Instant monday1400 = f.clock.local("2026-03-02T14:00");

    @Nested
    class ACompleteApplication {

        private final Receipt receipt = f.intake.apply(clerk("FC"), eo1(Channel.WINDOW, person("张三")));

        @Test
        void isAcceptedWithACaseNumberOfTheJurisdictionServiceAndDay() {
            assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.ACCEPTED);
            assertThat(receipt.caseNumber()).matches("FC-EO-20260302-000001-[0-9A-Z*]");
            assertThat(receipt.missingMaterials()).isEmpty();
            assertThat(receipt.supplementDueAt()).isNull();
            assertThat(receipt.acceptedAt().toInstant()).isEqualTo(monday0900);
        }

        @Test
        void isStoredInProgressWithTheReviewDepartmentFromTheSettings() {
            CaseFile file = f.caseFile(receipt.caseNumber());
            assertThat(file.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(file.outcome()).isEqualTo("ACCEPTED");
            assertThat(file.department()).isEqualTo("market-registration");
            assertThat(file.jurisdiction()).isEqualTo("FC");
            assertThat(file.matterCode()).isEqualTo("EO-1");
            assertThat(file.catalogueVersion()).isEqualTo("2026.1");
            assertThat(file.channel()).isEqualTo(Channel.WINDOW);
            assertThat(file.submittedBy()).isEqualTo("clerk.fc");
            assertThat(file.applicantSubject()).as("a walk-in has no login").isNull();
            assertThat(file.acceptedAt()).isEqualTo(monday0900);
            assertThat(file.dueAt()).isEqualTo(monday1400);
            assertThat(file.causedBy()).isNull();
            assertThat(f.cases.owed(receipt.caseNumber())).isEmpty();
        }

        @Test
        void startsOneClockPerStatedLimit() {
            List<ClockStore.Stored> clocks = f.clockStore.ofCase(receipt.caseNumber());
            assertThat(clocks).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("APPROVAL");
                assertThat(c.jurisdiction()).isEqualTo("FC");
                assertThat(c.clock().startedAt()).isEqualTo(monday0900);
                assertThat(c.clock().limit()).isEqualTo(TimeLimit.workingDays("0.5"));
                assertThat(c.clock().stoppedAt()).isNull();
            });
        }

        @Test
        void startsTheMattersProcessWithTheRuntimesVariablesAndTheExtensions() {
            assertThat(f.workflow.starts()).singleElement().satisfies(start -> {
                assertThat(start.processKey()).isEqualTo("enterprise-opening-bundle");
                assertThat(start.caseNumber()).isEqualTo(receipt.caseNumber());
                assertThat(start.variables())
                        .containsOnly(
                                entry("caseNumber", receipt.caseNumber()),
                                entry("jurisdiction", "FC"),
                                entry("matterCode", "EO-1"),
                                entry("catalogueVersion", "2026.1"),
                                entry("reviewDepartment", "market-registration"),
                                entry("deliveryDepartment", "window"),
                                entry("registrationRetryCycle", "R20/PT30S"),
                                entry("materialsComplete", true),
                                entry("reformPath", "STANDARD"));
            });
        }

        @Test
        void publishesCaseAcceptedWithTheDepartmentChannelAndPromisedDates() {
            assertThat(f.events.types()).containsExactly("case.accepted");
            CaseEvent accepted = f.events.single("case.accepted", receipt.caseNumber());
            assertThat(accepted.jurisdiction()).isEqualTo("FC");
            assertThat(accepted.source()).isEqualTo("/onewindow/enterprise-opening");
            Map<String, Object> data = accepted.data();
            assertThat(data)
                    .contains(
                            entry("service", "enterprise-opening"),
                            entry("matterCode", "EO-1"),
                            entry("catalogueVersion", "2026.1"),
                            entry("department", "market-registration"),
                            entry("channel", "WINDOW"),
                            entry("outcome", "ACCEPTED"),
                            entry("calendarKnown", true));
            assertThat(((OffsetDateTime) data.get("acceptedAt")).toInstant()).isEqualTo(monday0900);
            assertThat(((OffsetDateTime) data.get("promisedDueAt")).toInstant()).isEqualTo(monday1400);
            assertThat(data).doesNotContainKeys("supplementDueAt", "causedBy", "openedBy", "wholeProcessDueAt");
        }

        @Test
        void namesAWalkInPersonByAHashOfTheIdentityNumberAndNeverTheNumberItself() {
            Map<String, Object> data =
                    f.events.single("case.accepted", receipt.caseNumber()).data();
            assertThat(data.get("applicant")).isEqualTo(Map.of("type", "PERSON", "idHash", sha256(ID_NUMBER)));
            assertThat(data.toString()).doesNotContain(ID_NUMBER);
            assertThat(f.audit.all().toString()).doesNotContain(ID_NUMBER);
        }

        @Test
        void isAuditedAsTheClerksAcceptance() {
            var entry = f.audit.single("case.accept", receipt.caseNumber());
            assertThat(entry.actor()).isEqualTo("clerk.fc");
            assertThat(entry.role()).isEqualTo("CLERK");
            assertThat(entry.jurisdiction()).isEqualTo("FC");
        }

        @Test
        void promisesOnTheReceiptTheDatePromisedDatesGives() {
            var promise = f.dates.promise(f.version("FC"), f.matter("FC", "EO-1"), monday0900);
            assertThat(receipt.promisedDueAt().toInstant())
                    .isEqualTo(promise.approval().orElseThrow().at())
                    .isEqualTo(monday1400);
            assertThat(receipt.calendarKnown()).isTrue();
            assertThat(receipt.promisedDueAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        }
    }

    /** ST CP-7: at or below CNY 1 million or 500 m² the construction permit 可以不申请. */
    @Nested
    class AMatterThatIsOptionalBelowItsThreshold {

        private final RuntimeFixture cp =
                RuntimeFixture.forService(OwningService.CONSTRUCTION_PERMIT).build();

        private Receipt apply(Map<String, Object> data) {
            return cp.intake.apply(
                    clerk("ST"),
                    application(
                            "ST",
                            "CP-7",
                            Channel.WINDOW,
                            enterprise("示例建设有限公司", OWN_USCC),
                            paper(cp.matter("ST", "CP-7").materials().stream()
                                    .map(m -> m.code())
                                    .toList()),
                            data));
        }

        @Test
        void belowTheThresholdIsAcceptedAndTheReceiptSaysItWasNotRequired() {
            Receipt small = apply(Map.of("investmentCny10k", 80, "floorAreaM2", 2000));

            assertThat(small.outcome()).isEqualTo(AcceptanceOutcome.ACCEPTED);
            assertThat(small.caseNumber()).isNotNull();
            assertThat(small.notices()).singleElement().satisfies(n -> assertThat(n.zh())
                    .contains("可以不申请办理施工许可证"));
        }

        @Test
        void aboveBothThresholdsTheReceiptHasNoNotice() {
            assertThat(apply(Map.of("investmentCny10k", 800, "floorAreaM2", 2000))
                            .notices())
                    .isEmpty();
        }
    }

    @Nested
    class WhoTheApplicantIs {

        @Test
        void anEnterpriseIsNamedByItsCreditCode() {
            Receipt receipt = f.intake.apply(clerk("FC"), eo1(Channel.WINDOW, enterprise("峰城商贸有限公司", OWN_USCC)));
            assertThat(f.events
                            .single("case.accepted", receipt.caseNumber())
                            .data()
                            .get("applicant"))
                    .isEqualTo(Map.of("type", "ENTERPRISE", "uscc", OWN_USCC));
        }

        @Test
        void anOnlineApplicantIsNamedByTheirLoginAndTheNumberStaysOut() {
            Receipt receipt = f.intake.apply(applicant("sub-zhang"), eo1(Channel.ONLINE, person("张三")));
            assertThat(f.caseFile(receipt.caseNumber()).applicantSubject()).isEqualTo("sub-zhang");
            Map<String, Object> data =
                    f.events.single("case.accepted", receipt.caseNumber()).data();
            assertThat(data.get("applicant"))
                    .isEqualTo(Map.of("type", "PERSON", "subject", "sub-zhang", "idHash", sha256(ID_NUMBER)));
            assertThat(data.toString()).doesNotContain(ID_NUMBER);
        }

        @Test
        void anEnterpriseOnlineAppliesUnderItsOwnCreditCode() {
            Receipt receipt = f.intake.apply(
                    People.enterprise("sub-shangmao", OWN_USCC), eo1(Channel.ONLINE, enterprise("峰城商贸有限公司", OWN_USCC)));
            assertThat(f.events
                            .single("case.accepted", receipt.caseNumber())
                            .data()
                            .get("applicant"))
                    .isEqualTo(Map.of("type", "ENTERPRISE", "uscc", OWN_USCC, "subject", "sub-shangmao"));
        }

        @Test
        void anOnlineApplicantUnderSomeoneElsesCreditCodeIsForbidden() {
            assertThatThrownBy(() -> f.intake.apply(
                            People.enterprise("sub-shangmao", OWN_USCC),
                            eo1(Channel.ONLINE, enterprise("别家公司", OTHER_USCC))))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN);
                        assertThat(r.code()).isEqualTo("access.denied");
                    });
            assertNothingHappened();
        }

        @Test
        void anApplicantCannotSubmitAtTheWindowForAClerk() {
            assertThatThrownBy(() -> f.intake.apply(applicant("sub-zhang"), eo1(Channel.WINDOW, person("张三"))))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
            assertNothingHappened();
        }

        @Test
        void aClerkOfAnotherJurisdictionIsForbiddenAtTheWindow() {
            assertThatThrownBy(() -> f.intake.apply(clerk("LC"), eo1(Channel.WINDOW, person("张三"))))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN);
                        assertThat(r.code()).isEqualTo("access.denied");
                    });
            assertNothingHappened();
        }

        @Test
        void aClerkOfAnotherJurisdictionMayAcceptAcrossRegions() {
            Receipt receipt = f.intake.apply(clerk("LC"), eo1(Channel.CROSS_REGION, person("张三")));
            CaseFile file = f.caseFile(receipt.caseNumber());
            assertThat(file.jurisdiction()).isEqualTo("FC");
            assertThat(file.channel()).isEqualTo(Channel.CROSS_REGION);
            assertThat(file.submittedBy()).isEqualTo("clerk.lc");
        }
    }

    @Nested
    class MissingMaterials {

        @Test
        void missingOnlyNonCoreMaterialsIsAcceptedWithTheMaterialsOwedAndASupplementDeadline() {
            Receipt receipt = f.intake.apply(
                    clerk("FC"), eo1Without(Channel.WINDOW, person("张三"), EO1_NON_CORE.toArray(String[]::new)));
            // FC gives 5 working days to supply: Monday 09:00 → the next Monday at close of office
            Instant supplementDue = f.clock.local("2026-03-09T17:30");
            assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.ACCEPTED_WITH_DEFICIENCY);
            assertThat(receipt.missingMaterials())
                    .extracting(Receipt.MissingMaterial::code, Receipt.MissingMaterial::core)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("premises-proof", false),
                            org.assertj.core.groups.Tuple.tuple("officer-appointment", false));
            assertThat(receipt.supplementDueAt().toInstant()).isEqualTo(supplementDue);
            CaseFile file = f.caseFile(receipt.caseNumber());
            assertThat(file.outcome()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
            assertThat(file.supplementDueAt()).isEqualTo(supplementDue);
            assertThat(f.cases.owed(receipt.caseNumber())).containsExactly("premises-proof", "officer-appointment");
            assertThat(((OffsetDateTime) f.events
                                    .single("case.accepted", receipt.caseNumber())
                                    .data()
                                    .get("supplementDueAt"))
                            .toInstant())
                    .isEqualTo(supplementDue);
            assertThat(f.workflow.starts()).singleElement().satisfies(start -> assertThat(start.variables())
                    .as("a model may wait for what is owed; which materials is the case file's")
                    .containsEntry("materialsComplete", false)
                    .doesNotContainKey("owedMaterials"));
            assertThat(f.clockStore.ofCase(receipt.caseNumber())).hasSize(1);
        }

        @Test
        void missingACoreMaterialReturnsTheCompleteListAndOpensNoCase() {
            Receipt receipt = f.intake.apply(
                    clerk("FC"), eo1Without(Channel.WINDOW, person("张三"), "articles-of-association", "premises-proof"));
            assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.RETURNED_FOR_CORRECTION);
            assertThat(receipt.caseNumber()).isNull();
            assertThat(receipt.opensACase()).isFalse();
            assertThat(receipt.missingMaterials())
                    .extracting(Receipt.MissingMaterial::code)
                    .containsExactlyInAnyOrder("articles-of-association", "premises-proof");
            assertThat(receipt.promisedDueAt()).isNull();
            assertNothingHappened();
        }
    }

    @Nested
    class MattersNotTakenHere {

        @Test
        void aMatterOfAnotherServiceIsNotHere() {
            Application seizure = application(
                    "FC",
                    "PR-1a",
                    Channel.WINDOW,
                    person("张三"),
                    paper("court-assistance-notice", "court-ruling", "officer-credentials"),
                    Map.of());
            assertThatThrownBy(() -> f.intake.apply(clerk("FC"), seizure))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
                        assertThat(r.code()).isEqualTo("matter.not-here");
                    });
            assertNothingHappened();
        }

        @Test
        void aCataloguedMatterWhoseProcessIsNotDeployedIsNotAvailable() {
            Application taxDeregistration = application(
                    "FC",
                    "EO-6",
                    Channel.WINDOW,
                    enterprise("峰城商贸有限公司", OWN_USCC),
                    paper("tax-deregistration-form", "business-licence", "deregistration-resolution", "invoice-return"),
                    Map.of());
            assertThatThrownBy(() -> f.intake.apply(clerk("FC"), taxDeregistration))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.UNPROCESSABLE);
                        assertThat(r.code()).isEqualTo("matter.not-available");
                    });
            assertNothingHappened();
        }

        @Test
        void aMalformedApplicationIsRefusedWithEveryFieldAtFault() {
            Application blank = new Application("fc", " ", Channel.WINDOW, null, List.of(), Map.of());
            assertThatThrownBy(() -> f.intake.apply(clerk("FC"), blank)).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                assertThat(r.violations())
                        .extracting(FieldViolation::code)
                        .containsExactly("jurisdiction.malformed", "matter.missing", "applicant.missing");
            });
            assertNothingHappened();
        }
    }

    @Test
    void aMatterWithoutAStatedLimitGoesToTheDefaultDepartmentAndRunsNoClock() {
        Application seals = application(
                "FC",
                "EO-4",
                Channel.WINDOW,
                enterprise("峰城商贸有限公司", OWN_USCC),
                paper("seal-application", "business-licence", "legal-representative-id", "agent-authorisation"),
                Map.of());
        Receipt receipt = f.intake.apply(clerk("FC"), seals);
        assertThat(f.caseFile(receipt.caseNumber()).department()).isEqualTo("registration-office");
        assertThat(f.clockStore.ofCase(receipt.caseNumber())).isEmpty();
        assertThat(receipt.promisedDueAt()).isNull();
        assertThat(f.workflow.starts()).singleElement().satisfies(s -> {
            assertThat(s.processKey()).isEqualTo("seal-engraving");
            assertThat(s.variables()).containsEntry("reviewDepartment", "registration-office");
        });
        assertThat(f.events.single("case.accepted", receipt.caseNumber()).data())
                .doesNotContainKey("promisedDueAt");
    }

    @Test
    void aNoticePeriodIsHandedToTheModelAsItsEndAndRunsNoClockOfItsOwn() {
        Application simpleDeregistration = application(
                "FC",
                "EO-5",
                Channel.WINDOW,
                enterprise("峰城商贸有限公司", OWN_USCC),
                paper("application-form", "investors-commitment", "legal-representative-id", "business-licence"),
                Map.of());
        Receipt receipt = f.intake.apply(clerk("FC"), simpleDeregistration);
        MatterLimit notice = f.matter("FC", "EO-5").stepLimits().get(0);
        Instant ends = f.dates
                .due(f.version("FC"), notice.limit().orElseThrow(), monday0900)
                .at();
        // 20 natural days from 2 March end on Sunday 22 March, moved to the next working day
        assertThat(ends.atZone(RuntimeFixture.SHANGHAI).toLocalDate()).hasToString("2026-03-23");
        assertThat(f.workflow.starts().get(0).variables()).containsEntry("publicNoticeEndsAt", Date.from(ends));
        assertThat(f.clockStore.ofCase(receipt.caseNumber())).isEmpty();
        assertThat(receipt.stepPromises()).singleElement().satisfies(s -> assertThat(s.step())
                .isEqualTo("public-notice"));
    }

    @Test
    void kebabStepNamesBecomeCamelCaseVariableNames() {
        assertThat(Intake.camel("public-notice")).isEqualTo("publicNotice");
        assertThat(Intake.camel("joint-approval")).isEqualTo("jointApproval");
        assertThat(Intake.camel("review")).isEqualTo("review");
    }

    @Test
    void anExtensionThatRefusesTheApplicationLeavesNothingBehind() {
        MatterVariables refusing = (version, matter, application) -> {
            throw Rejection.invalid(FieldViolation.of(
                    "data.capital", "capital.invalid", "注册资本有误", "the registered capital is invalid"));
        };
        RuntimeFixture g = RuntimeFixture.forService(OwningService.ENTERPRISE_OPENING)
                .with(refusing)
                .build();
        assertThatThrownBy(() -> g.intake.apply(clerk("FC"), eo1(Channel.WINDOW, person("张三"))))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                        .extracting(FieldViolation::code)
                        .containsExactly("capital.invalid"));
        assertThat(g.cases.count()).isZero();
        assertThat(g.clockStore.count()).isZero();
        assertThat(g.workflow.starts()).isEmpty();
        assertThat(g.events.all()).isEmpty();
        assertThat(g.audit.all()).isEmpty();
    }

    @Nested
    class DecidedAtTheWindow {

        /** 不动产登记 decides an address change at the window and prints the certificate number. */
        private final List<String> decided = new ArrayList<>();

        private final ImmediateCompletion registry = new ImmediateCompletion() {
            @Override
            public boolean decidesAtWindow(Matter matter) {
                return matter.code().startsWith("PR-1");
            }

            @Override
            public Map<String, Object> decide(String caseNumber, Matter matter, Application application) {
                decided.add(caseNumber);
                return Map.of("certificateNumber", "鲁(2026)峄城区不动产证明第0000042号");
            }
        };

        private final RuntimeFixture pr = RuntimeFixture.forService(OwningService.PROPERTY_REGISTRATION)
                .with(registry)
                .build();

        private Application addressChange() {
            return application(
                    "FC",
                    "PR-1c",
                    Channel.WINDOW,
                    person("李四"),
                    paper(
                            "registration-application",
                            "applicant-id",
                            "property-certificate",
                            "address-change-proof",
                            "agent-authorisation"),
                    Map.of());
        }

        @Test
        void theImmediateLimitIsWhatTheShippedCatalogueStates() {
            assertThat(pr.matter("FC", "PR-1c").approvalLimit().flatMap(MatterLimit::limit))
                    .contains(TimeLimit.immediate());
        }

        @Test
        void isDeliveredAtOnceWithTheResultsOnTheReceiptAndNoProcess() {
            Receipt receipt = pr.intake.apply(clerk("FC"), addressChange());
            assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.ACCEPTED);
            assertThat(decided).containsExactly(receipt.caseNumber());
            assertThat(receipt.caseNumber()).startsWith("FC-PR-20260302-");
            assertThat(receipt.results()).containsOnly(entry("certificateNumber", "鲁(2026)峄城区不动产证明第0000042号"));
            CaseFile file = pr.caseFile(receipt.caseNumber());
            assertThat(file.status()).isEqualTo(CaseStatus.DELIVERED);
            assertThat(file.deliveredAt()).isEqualTo(pr.now());
            assertThat(file.department()).isEqualTo("registration-centre");
            assertThat(file.results()).isEqualTo(receipt.results());
            assertThat(pr.workflow.starts()).isEmpty();
        }

        @Test
        void storesItsClocksAlreadyStoppedSoTheCaseIsOnRecordAsOnTime() {
            Receipt receipt = pr.intake.apply(clerk("FC"), addressChange());
            assertThat(pr.clockStore.ofCase(receipt.caseNumber()))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.clock().kind()).isEqualTo(ClockKind.APPROVAL);
                        assertThat(c.clock().startedAt()).isEqualTo(pr.now());
                        assertThat(c.clock().stoppedAt()).isEqualTo(pr.now());
                    });
            assertThat(pr.clockStore.running()).isZero();
        }

        @Test
        void publishesAcceptedDecidedAndDeliveredInThatOrder() {
            Receipt receipt = pr.intake.apply(clerk("FC"), addressChange());
            assertThat(pr.events.typesOf(receipt.caseNumber()))
                    .containsExactly("case.accepted", "case.decided", "case.delivered");
            assertThat(pr.events.single("case.decided", receipt.caseNumber()).data())
                    .isEqualTo(Map.of("decision", "APPROVED"));
            assertThat(pr.events.single("case.delivered", receipt.caseNumber()).data())
                    .isEqualTo(Map.of("channel", "WINDOW"));
            assertThat(pr.audit.actionsOf(receipt.caseNumber()))
                    .containsExactly("case.accept", "case.decide", "case.deliver");
        }

        @Test
        void aRefusalByTheRegistryLeavesNothingBehind() {
            ImmediateCompletion refusing = new ImmediateCompletion() {
                @Override
                public boolean decidesAtWindow(Matter matter) {
                    return true;
                }

                @Override
                public Map<String, Object> decide(String caseNumber, Matter matter, Application application) {
                    throw Rejection.conflict("property.seized", "该不动产已被查封", "the property is seized");
                }
            };
            RuntimeFixture g = RuntimeFixture.forService(OwningService.PROPERTY_REGISTRATION)
                    .with(refusing)
                    .build();
            assertThatThrownBy(() -> g.intake.apply(clerk("FC"), addressChange()))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("property.seized"));
            assertThat(g.cases.count()).isZero();
            assertThat(g.clockStore.count()).isZero();
            assertThat(g.events.all()).isEmpty();
        }

        @Test
        void withoutAServiceThatDecidesAtTheWindowAnUnmodelledImmediateMatterIsNotAvailable() {
            RuntimeFixture g = RuntimeFixture.forService(OwningService.PROPERTY_REGISTRATION)
                    .build();
            assertThatThrownBy(() -> g.intake.apply(clerk("FC"), addressChange()))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("matter.not-available"));
            assertThat(g.cases.count()).isZero();
        }
    }

    @Nested
    class OpenedByAnotherServicesEvent {

        private final RuntimeFixture ut =
                RuntimeFixture.forService(OwningService.UTILITY_HOOKUP).build();

        private final CaseEvent transferRegistered = new CaseEvent(
                CaseEvent.SPEC_VERSION,
                "0b7e5d1c-4a61-4d8e-9a43-6f1d2c3b4a50",
                "property.transfer-registered",
                "/onewindow/property-registration",
                "FC-PR-20260302-000007-K",
                ut.now(),
                "FC",
                Map.of(),
                null);

        private Application transfer(String matterCode) {
            return application(
                    "FC",
                    matterCode,
                    Channel.WINDOW,
                    person("王五"),
                    paper("property-certificate", "new-owner-id", "transfer-application"),
                    Map.of());
        }

        @Test
        void keepsTheCausingEventAndIsSubmittedByTheSystem() {
            Receipt receipt = ut.intake.openFor(transferRegistered, transfer("UT-Xa"), null);
            CaseFile file = ut.caseFile(receipt.caseNumber());
            assertThat(file.causedBy()).isEqualTo(transferRegistered.id());
            assertThat(file.submittedBy()).isEqualTo("system");
            assertThat(file.applicantSubject()).isNull();
            assertThat(ut.events.single("case.accepted", receipt.caseNumber()).data())
                    .contains(entry("causedBy", transferRegistered.id()), entry("openedBy", "event"));
            var audit = ut.audit.single("case.accept", receipt.caseNumber());
            assertThat(audit.actor()).isEqualTo("system");
            assertThat(audit.role()).isNull();
            assertThat(ut.workflow.starts()).singleElement().satisfies(s -> assertThat(s.processKey())
                    .isEqualTo("utility-account-transfer"));
        }

        @Test
        void linksTheNewCaseToTheCaseItBelongsToBothWays() {
            Receipt electricity = ut.intake.openFor(transferRegistered, transfer("UT-Xa"), null);
            Receipt water = ut.intake.openFor(
                    transferRegistered,
                    transfer("UT-Xb"),
                    new CaseLink(electricity.caseNumber(), CaseLink.Kind.PART_OF));
            assertThat(ut.caseFile(water.caseNumber()).links())
                    .containsExactly(new CaseLink(electricity.caseNumber(), CaseLink.Kind.PART_OF));
            assertThat(ut.caseFile(electricity.caseNumber()).links())
                    .containsExactly(new CaseLink(water.caseNumber(), CaseLink.Kind.COMPONENT));
        }
    }

    private void assertNothingHappened() {
        assertThat(f.cases.count()).isZero();
        assertThat(f.clockStore.count()).isZero();
        assertThat(f.workflow.starts()).isEmpty();
        assertThat(f.events.all()).isEmpty();
        assertThat(f.audit.all()).isEmpty();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
