package org.onewindow.kernel.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.catalina.startup.Tomcat;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.apidocs.infrastructure.ApiDocsCustomizer;
import org.onewindow.kernel.audit.infrastructure.JdbcAuditTrail;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.calendar.infrastructure.CalendarFeed;
import org.onewindow.kernel.caseno.infrastructure.JdbcCaseNumberSequence;
import org.onewindow.kernel.caseno.model.CaseNumberSequence;
import org.onewindow.kernel.caseno.model.CaseNumbers;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.events.CaseEventFactory;
import org.onewindow.kernel.events.infrastructure.CaseEventExternalization;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.events.infrastructure.Inbox;
import org.onewindow.kernel.events.infrastructure.OutboxHousekeeping;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyHousekeeping;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyStore;
import org.onewindow.kernel.metrics.infrastructure.CaseEventMeter;
import org.onewindow.kernel.problem.infrastructure.ProblemErrorReports;
import org.onewindow.kernel.problem.infrastructure.ProblemHandler;
import org.onewindow.kernel.problem.infrastructure.SaturationProblemHandler;
import org.onewindow.kernel.security.infrastructure.CallerArgumentResolver;
import org.onewindow.kernel.security.infrastructure.Callers;
import org.onewindow.kernel.security.infrastructure.ProblemAuthenticationHandlers;
import org.onewindow.kernel.security.infrastructure.TokenKeysWarmUp;
import org.onewindow.kernel.security.infrastructure.VerifiedTokens;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the kernel into a OneWindow application: the plain-Java domain (clock, catalogue,
 * acceptance rules) as beans, and the edges (problem+json, resource-server security, audit, case
 * numbers, inbox) where the application has what they need.
 */
@AutoConfiguration(
        before = SecurityAutoConfiguration.class,
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(OneWindowProperties.class)
public class KernelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(OneWindowProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    @ConditionalOnMissingBean
    HolidayCalendar holidayCalendar() throws java.io.IOException {
        try (var in = new ClassPathResource("org/onewindow/kernel/clock/cn-holidays.csv").getInputStream()) {
            return HolidayCalendar.read(in);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Catalogue catalogue(OneWindowProperties properties) {
        return new CatalogueLoader().load(properties.catalogueLocation());
    }

    @Bean
    @ConditionalOnMissingBean
    PromisedDates promisedDates(Catalogue catalogue, LiveCalendar calendar, OneWindowProperties properties) {
        return new PromisedDates(catalogue, calendar, properties.zone());
    }

    /** The calendar in force: the built one plus the years loaded at run time (CalendarFeed). */
    @Bean
    @ConditionalOnMissingBean
    LiveCalendar liveCalendar(HolidayCalendar built) {
        return new LiveCalendar(built);
    }

    /** Every app follows the holiday notices loaded at run time (topic onewindow.calendar). */
    @Bean
    @ConditionalOnClass(name = "org.apache.kafka.clients.consumer.KafkaConsumer")
    @ConditionalOnProperty(name = "onewindow.calendar.feed.enabled", matchIfMissing = true)
    CalendarFeed calendarFeed(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            LiveCalendar calendar,
            ObjectMapper json) {
        return new CalendarFeed(bootstrapServers, calendar, json);
    }

    @Bean
    @ConditionalOnMissingBean
    CatalogueLookup catalogueLookup(Catalogue catalogue) {
        return new CatalogueLookup(catalogue);
    }

    @Bean
    @ConditionalOnMissingBean
    AcceptanceRules acceptanceRules() {
        return AcceptanceRules.standard();
    }

    @Bean
    @ConditionalOnMissingBean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    @ConditionalOnMissingBean
    CaseEventFactory caseEventFactory(OneWindowProperties properties, Clock clock) {
        return new CaseEventFactory(properties.service(), clock, UUID::randomUUID);
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** API descriptions that say how to get a token and where the API is (see ApiDocsCustomizer). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ApiDocs {
        static {
            // the caller is read from the token (CallerArgumentResolver), never sent as a parameter
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Bean
        @ConditionalOnMissingBean
        ApiDocsCustomizer apiDocsCustomizer(OneWindowProperties properties) {
            return new ApiDocsCustomizer(properties.security().issuer());
        }
    }

    /** Errors Tomcat answers before the application runs, in the problem shape too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletContainer {
        @Bean
        ProblemErrorReports problemErrorReports(ObjectMapper json) {
            return new ProblemErrorReports(json);
        }
    }

    /**
     * Every endpoint needs a valid token except health, the API description (public documentation,
     * which the gateway's Swagger UI fetches without one) and the application's declared public paths.
     */
    @Configuration(proxyBeanMethods = false)
    static class Security {
        /** Boot's token decoder (JWKS, validators) behind a memory of tokens already verified. */
        @Bean
        static BeanPostProcessor verifiedTokens(
                @Value("${onewindow.security.verified-tokens.max-age:PT5M}") Duration maxAge,
                @Value("${onewindow.security.verified-tokens.max-tokens:10000}") long maxTokens) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                        return new VerifiedTokens(decoder, maxAge, maxTokens, Clock.systemUTC());
                    }
                    return bean;
                }
            };
        }

        /**
         * Spring Security's own observations (one per filter of the chain, one for the authentication,
         * one for the authorisation) stay off: the HTTP server observation already times every request
         * and carries its trace, and these were a quarter of the gateway's CPU samples and a tenth of
         * a service's on the intake path (issue #16, profile-20261204T101630Z).
         */
        @Bean
        @ConditionalOnMissingBean
        SecurityObservationSettings securityObservations() {
            return SecurityObservationSettings.noObservations();
        }

        /** The realm's signing keys fetched before the application reports ready. */
        @Bean
        @ConditionalOnProperty(name = "onewindow.warm-up.enabled", matchIfMissing = true)
        TokenKeysWarmUp tokenKeysWarmUp(ObjectProvider<JwtDecoder> decoder) {
            return new TokenKeysWarmUp(decoder);
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain oneWindowSecurity(
                HttpSecurity http,
                OneWindowProperties properties,
                ObjectMapper json,
                @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocs,
                Environment environment)
                throws Exception {
            var problems = new ProblemAuthenticationHandlers(json);
            // On a management port of its own (MANAGEMENT_SERVER_PORT), which neither the gateway nor
            // a Kubernetes Service exposes and a NetworkPolicy keeps to the monitoring namespace, the
            // Prometheus scrape and health answer without a token: a scraper has no user to log in as.
            // Without one, actuator shares the public port and only health is open.
            // (Boot's EndpointRequest matcher does not match there: the chain is the parent context's.)
            RequestMatcher scrape = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                    ? new OrRequestMatcher(
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/prometheus"),
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/info"))
                    : request -> false;
            List<String> open = new ArrayList<>(
                    List.of("/actuator/health", "/actuator/health/**", "/error", apiDocs, apiDocs + "/**"));
            open.addAll(properties.security().publicPaths());
            http.csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, open.toArray(String[]::new))
                            .permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers(scrape)
                            .permitAll()
                            .requestMatchers(selfAuthenticated(properties))
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(new Callers()))
                            .authenticationEntryPoint(problems.entryPoint())
                            .accessDeniedHandler(problems.accessDenied()))
                    .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
                            .accessDeniedHandler(problems.accessDenied()))
                    .httpBasic(b -> b.disable());
            return http.build();
        }

        /**
         * The firewall's refusals as problem+json instead of the servlet container's error page; still
         * marked on the request's observation, as Spring Security's default handler does.
         */
        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        RequestRejectedHandler problemRequestRejected(
                ObjectMapper json, ObjectProvider<ObservationRegistry> observations) {
            RequestRejectedHandler problem = new ProblemAuthenticationHandlers(json).requestRejected();
            ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
            return registry.isNoop()
                    ? problem
                    : new CompositeRequestRejectedHandler(
                            new ObservationMarkingRequestRejectedHandler(registry), problem);
        }

        /** Paths with their own login; a matcher that matches nothing when none are configured. */
        private static RequestMatcher selfAuthenticated(OneWindowProperties properties) {
            List<RequestMatcher> matchers = properties.security().selfAuthenticatedPaths().stream()
                    .map(path -> (RequestMatcher)
                            PathPatternRequestMatcher.withDefaults().matcher(path))
                    .toList();
            return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
        }

        /** Boot adds every token validator bean to its decoder: this one pins the realm. */
        @Bean
        OAuth2TokenValidator<Jwt> oneWindowIssuer(OneWindowProperties properties) {
            return new JwtIssuerValidator(properties.security().issuer());
        }
    }

    /** Case events go through the publication log to the service's Kafka topic. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventExternalizationConfiguration.class)
    @ConditionalOnExpression("'${onewindow.service:}' != ''")
    static class Events {
        @Bean
        @ConditionalOnMissingBean
        EventExternalizationConfiguration caseEventExternalization(OneWindowProperties properties) {
            OwningService service = OwningService.byId(properties.service())
                    .orElseThrow(() -> new IllegalStateException("onewindow.service '" + properties.service()
                            + "' is not one of " + java.util.Arrays.toString(OwningService.values())));
            return CaseEventExternalization.forService(service);
        }
    }

    /** The persistence edges, for applications with a database (every service; not the gateway). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnBean(DataSource.class)
    @EnableScheduling
    static class Persistence {
        @Bean
        @ConditionalOnMissingBean
        AuditTrail auditTrail(JdbcClient jdbc, ObjectMapper json) {
            return new JdbcAuditTrail(jdbc, json);
        }

        @Bean
        @ConditionalOnMissingBean
        CaseNumberSequence caseNumberSequence(
                DataSourceProperties database, @Value("${onewindow.case-numbers.pool-size}") int poolSize) {
            HikariDataSource counters = database.initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
            counters.setPoolName("case-numbers");
            counters.setMaximumPoolSize(poolSize);
            counters.setMinimumIdle(1);
            // a pool built from settings starts now, so the first intake does not wait for its connections
            return new JdbcCaseNumberSequence(new HikariDataSource(counters));
        }

        /** Case numbers of this application's service ({@code onewindow.service}). */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnExpression("'${onewindow.service:}' != ''")
        CaseNumbers caseNumbers(OneWindowProperties properties, CaseNumberSequence sequence, Clock clock) {
            OwningService service = OwningService.byId(properties.service())
                    .orElseThrow(() -> new IllegalStateException(
                            "onewindow.service '" + properties.service() + "' is not a case service"));
            return new CaseNumbers(service, sequence, clock);
        }

        @Bean
        @ConditionalOnMissingBean
        CaseJournal caseJournal(
                AuditTrail audit,
                ApplicationEventPublisher publisher,
                CaseEventFactory events,
                Clock clock,
                ObjectProvider<Tracer> tracer) {
            return new CaseJournal(audit, publisher, events, clock, traceparent(tracer));
        }

        /** Business metrics counted from the committed case events (onewindow.case.events …). */
        @Bean
        CaseEventMeter caseEventMeter(ObjectProvider<MeterRegistry> registry) {
            return new CaseEventMeter(registry.getIfAvailable(SimpleMeterRegistry::new));
        }

        /** The W3C trace context of the current span (the causing request or job), if there is one. */
        static Supplier<String> traceparent(ObjectProvider<Tracer> tracer) {
            // resolved once: looking the bean up on every audit line was 2 % of a service's samples
            Supplier<Tracer> tracers = SingletonSupplier.of(tracer::getIfAvailable);
            return () -> {
                Tracer t = tracers.get();
                Span span = t == null ? null : t.currentSpan();
                if (span == null) {
                    return null;
                }
                var context = span.context();
                return "00-" + context.traceId() + "-" + context.spanId() + "-"
                        + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
            };
        }

        @Bean
        SaturationProblemHandler saturationProblemHandler() {
            return new SaturationProblemHandler();
        }

        /** Redelivery of stuck case events, purge of relayed ones, the backlog gauge. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnClass(IncompleteEventPublications.class)
        @ConditionalOnExpression("'${onewindow.service:}' != ''")
        OutboxHousekeeping outboxHousekeeping(
                IncompleteEventPublications incomplete,
                CompletedEventPublications completed,
                JdbcClient jdbc,
                @Value("${onewindow.outbox.redeliver-after}") Duration redeliverAfter,
                @Value("${onewindow.outbox.keep-completed}") Duration keepCompleted,
                // Modulith's @Async listener hands events to Kafka on Boot's application executor,
                // one thread (spring.task.execution in the kernel's defaults)
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor outboxThread) {
            return new OutboxHousekeeping(incomplete, completed, jdbc, redeliverAfter, keepCompleted, outboxThread);
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore idempotencyStore(JdbcClient jdbc) {
            return new IdempotencyStore(jdbc);
        }

        /** Expired Idempotency-Keys forgotten, in batches. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnExpression("'${onewindow.service:}' != ''")
        IdempotencyHousekeeping idempotencyHousekeeping(
                JdbcClient jdbc, @Value("${onewindow.idempotency.keep}") Duration keep) {
            return new IdempotencyHousekeeping(jdbc, keep);
        }

        @Bean
        @ConditionalOnMissingBean
        Inbox inbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new Inbox(jdbc, new TransactionTemplate(transactions));
        }
    }
}
