package org.onewindow.runtime.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.flywaydb.core.api.migration.JavaMigration;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.caseno.model.CaseNumbers;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.config.KernelAutoConfiguration;
import org.onewindow.kernel.config.OneWindowProperties;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.runtime.calendar.CalendarRecomputation;
import org.onewindow.runtime.calendar.CalendarRecomputationController;
import org.onewindow.runtime.casefile.CaseActions;
import org.onewindow.runtime.casefile.CaseController;
import org.onewindow.runtime.casefile.SupervisionNotices;
import org.onewindow.runtime.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.runtime.casefile.infrastructure.JdbcCaseNotices;
import org.onewindow.runtime.casefile.infrastructure.OpenCaseGauges;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseNotices;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.clock.SlaMonitor;
import org.onewindow.runtime.clock.SlaSchedule;
import org.onewindow.runtime.clock.infrastructure.JdbcClockStore;
import org.onewindow.runtime.clock.model.ClockStore;
import org.onewindow.runtime.extension.CaseOpenedListener;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.runtime.extension.StepResultListener;
import org.onewindow.runtime.external.ExternalSystems;
import org.onewindow.runtime.external.ExternalSystemsProperties;
import org.onewindow.runtime.intake.ApplicationController;
import org.onewindow.runtime.intake.Intake;
import org.onewindow.runtime.intake.IntakeSettings;
import org.onewindow.runtime.readiness.WarmUp;
import org.onewindow.runtime.step.CaseComponents;
import org.onewindow.runtime.step.CaseDecision;
import org.onewindow.runtime.step.CaseMilestone;
import org.onewindow.runtime.step.ClockHold;
import org.onewindow.runtime.step.ComponentRegistration;
import org.onewindow.runtime.step.RatingInvitation;
import org.onewindow.runtime.step.StepClocks;
import org.onewindow.runtime.task.TaskController;
import org.onewindow.runtime.task.TaskWork;
import org.onewindow.runtime.workflow.infrastructure.CamundaCaseWorkflow;
import org.onewindow.runtime.workflow.infrastructure.RetryingTransactions;
import org.onewindow.runtime.workflow.infrastructure.V1_1__CamundaSchema;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Everything a case service does that is not its domain, wired once: the plain use cases (intake,
 * case actions, tasks, clocks) on their ports, the JDBC and Camunda adapters, the BPMN delegates
 * under the names the models use, and the case API. A service adds its BPMN, its catalogue data
 * and beans of the {@code extension} interfaces.
 */
@AutoConfiguration(before = KernelAutoConfiguration.class)
@EnableConfigurationProperties({CaseRuntimeProperties.class, ExternalSystemsProperties.class})
@EnableScheduling
@Import({ApplicationController.class, CaseController.class, TaskController.class, CalendarRecomputationController.class
})
public class CaseRuntimeAutoConfiguration {

    /**
     * Readiness means warm: the first application is answered as fast as the next. Off with {@code
     * onewindow.warm-up.enabled=false} (to measure what it saves).
     */
    @Bean
    @ConditionalOnProperty(name = "onewindow.warm-up.enabled", matchIfMissing = true)
    WarmUp warmUp(RepositoryService repository, KafkaOperations<?, ?> kafka, IntakeSettings settings) {
        return new WarmUp(repository, kafka, settings.service().topic());
    }

    @Bean
    JavaMigration camundaSchema() {
        return new V1_1__CamundaSchema();
    }

    @Bean
    @ConditionalOnMissingBean
    CaseFiles caseFiles(JdbcClient jdbc, ObjectMapper json) {
        return new JdbcCaseFiles(jdbc, json);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseNotices caseNotices(JdbcClient jdbc) {
        return new JdbcCaseNotices(jdbc);
    }

    /** 督办 and 整改 notices the supervision service sends about this service's cases. */
    @Bean
    SupervisionNotices supervisionNotices(
            IntakeSettings settings, CaseFiles cases, CaseNotices notices, CaseJournal journal, Clock clock) {
        return new SupervisionNotices(settings.service(), cases, notices, journal, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ClockStore clockStore(JdbcClient jdbc, ObjectMapper json) {
        return new JdbcClockStore(jdbc, json);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseWorkflow caseWorkflow(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
        return new CamundaCaseWorkflow(repository, runtime, tasks);
    }

    @Bean
    @ConditionalOnMissingBean
    UnitOfWork unitOfWork(PlatformTransactionManager transactions) {
        return new RetryingTransactions(new TransactionTemplate(transactions));
    }

    @Bean
    ClockKeeper clockKeeper(ClockStore clocks, PromisedDates dates, CaseRuntimeProperties properties) {
        return new ClockKeeper(clocks, dates, properties.waitingSteps(), properties.stageSteps());
    }

    @Bean
    SlaMonitor slaMonitor(ClockStore clocks, ClockKeeper keeper, CaseJournal journal, Clock clock) {
        return new SlaMonitor(clocks, keeper, journal, clock);
    }

    @Bean
    CalendarRecomputation calendarRecomputation(
            CaseFiles cases,
            ClockStore clocks,
            ClockKeeper keeper,
            PromisedDates dates,
            CaseJournal journal,
            Clock clock) {
        return new CalendarRecomputation(cases, clocks, keeper, dates, journal, clock);
    }

    /** The open-case gauges (onewindow.cases.open), refreshed on a schedule. */
    @Bean
    OpenCaseGauges openCaseGauges(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ObjectProvider<MeterRegistry> registry) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new OpenCaseGauges(jdbc, readOnly, clock, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SlaSchedule slaSchedule(SlaMonitor monitor, PlatformTransactionManager transactions) {
        return new SlaSchedule(monitor, new TransactionTemplate(transactions));
    }

    @Bean
    IntakeSettings intakeSettings(OneWindowProperties oneWindow, CaseRuntimeProperties properties) {
        OwningService service = OwningService.byId(oneWindow.service())
                .orElseThrow(() -> new IllegalStateException(
                        "onewindow.service '" + oneWindow.service() + "' is not a case service"));
        return new IntakeSettings(
                service,
                properties.reviewDepartments(),
                properties.defaultDepartment(),
                properties.deliveryDepartment(),
                properties.waitingSteps(),
                properties.retryCycle());
    }

    @Bean
    Intake intake(
            CatalogueLookup catalogue,
            AcceptanceRules rules,
            PromisedDates dates,
            CaseNumbers numbers,
            CaseFiles cases,
            CaseWorkflow workflow,
            ClockKeeper clocks,
            CaseJournal journal,
            List<MatterVariables> extensions,
            List<CaseOpenedListener> openedListeners,
            Optional<ImmediateCompletion> immediate,
            IntakeSettings settings,
            Clock clock) {
        return new Intake(
                catalogue,
                rules,
                dates,
                numbers,
                cases,
                workflow,
                clocks,
                journal,
                extensions,
                openedListeners,
                immediate,
                settings,
                clock);
    }

    @Bean
    CaseActions caseActions(
            CaseFiles cases,
            CaseWorkflow workflow,
            CaseJournal journal,
            ClockKeeper clocks,
            AccessPolicy access,
            Clock clock) {
        return new CaseActions(cases, workflow, journal, clocks, access, clock);
    }

    @Bean
    TaskWork taskWork(
            CaseWorkflow workflow,
            CaseFiles cases,
            CaseJournal journal,
            ClockKeeper clocks,
            AccessPolicy access,
            Clock clock,
            CaseRuntimeProperties properties) {
        return new TaskWork(
                workflow, cases, journal, clocks, access, clock, properties.taskRoles(), properties.reasonedTasks());
    }

    @Bean
    ExternalSystems externalSystems(
            RestClient.Builder builder, CircuitBreakerRegistry breakers, ExternalSystemsProperties properties) {
        return new ExternalSystems(builder, breakers, properties);
    }

    // The BPMN delegates, under the names the models use (camunda:delegateExpression="${name}").

    /** A prototype: Camunda injects the model's {@code decision} field into a fresh instance each time. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    CaseDecision caseDecision(CaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        return new CaseDecision(cases, journal, clocks, clock);
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    CaseMilestone caseMilestone(CaseFiles cases, CaseJournal journal, PromisedDates dates, Clock clock) {
        return new CaseMilestone(cases, journal, dates.zone(), clock);
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ClockHold clockHold(CaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        return new ClockHold(cases, journal, clocks, clock);
    }

    @Bean
    ComponentRegistration componentRegistration(
            ExternalSystems systems,
            CaseFiles cases,
            CaseJournal journal,
            List<StepResultListener> listeners,
            Clock clock) {
        return new ComponentRegistration(systems, cases, journal, listeners, clock);
    }

    @Bean
    RatingInvitation ratingInvitation(CaseJournal journal) {
        return new RatingInvitation(journal);
    }

    @Bean
    CaseComponents caseComponents(Catalogue catalogue) {
        return new CaseComponents(catalogue);
    }

    @Bean
    StepClocks stepClocks(ClockKeeper clocks, Clock clock) {
        return new StepClocks(clocks, clock);
    }
}
