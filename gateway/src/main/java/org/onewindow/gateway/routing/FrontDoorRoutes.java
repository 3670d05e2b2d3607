package org.onewindow.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.readBody;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.POST;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.apache.hc.core5.util.TimeValue;
import org.onewindow.gateway.routing.model.ApplicationHead;
import org.onewindow.gateway.routing.model.BackOffices;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of the front door: every application to the service that owns its matter, every case
 * to the service its case number names, each service's OpenAPI document for the aggregated Swagger
 * UI; whatever matches no route gets a problem that says why.
 */
@Configuration(proxyBeanMethods = false)
class FrontDoorRoutes {

    static final String APPLICATIONS = "/api/v1/applications";

    @Bean
    RouterFunction<ServerResponse> frontDoor(
            RoutingProperties properties,
            Catalogue catalogue,
            Clock clock,
            BulkheadRegistry bulkheads,
            CircuitBreakerRegistry breakers,
            MeterRegistry meters,
            Unroutable unroutable) {
        BackOffices backOffices = new BackOffices(catalogue, clock);
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (Map.Entry<String, URI> entry : properties.deployed().entrySet()) {
            OwningService service = OwningService.byId(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException("onewindow.gateway.services." + entry.getKey()
                            + " is not a OneWindow service; expected one of "
                            + java.util.Arrays.toString(OwningService.values())));
            URI target = entry.getValue();
            BackOfficeGuard guard = guard(service.id(), properties, bulkheads, breakers, meters, clock);

            RequestPredicate ownsMatter = readBody(
                    ApplicationHead.class,
                    head -> backOffices.ownerOf(head).filter(service::equals).isPresent());
            routes.add(route("applications-" + service.id())
                    .route(POST(APPLICATIONS).and(ownsMatter), http())
                    .before(uri(target))
                    .before(CachedBody::replay)
                    .filter(guard)
                    .build());

            RequestPredicate ownsCase = request -> BackOffices.ownerOfValid(request.pathVariable("caseNumber"))
                    .filter(service::equals)
                    .isPresent();
            routes.add(route("cases-" + service.id())
                    .route(
                            path("/api/v1/cases/{caseNumber}")
                                    .or(path("/api/v1/cases/{caseNumber}/**"))
                                    .and(ownsCase),
                            http())
                    .before(uri(target))
                    .filter(guard)
                    .build());

            routes.add(route("tasks-" + service.id())
                    .route(path("/api/v1/" + service.id() + "/**"), http())
                    .before(uri(target))
                    .filter(guard)
                    .build());

            routes.add(route("api-docs-" + service.id())
                    .route(GET("/api-docs/" + service.id()), http())
                    .before(uri(target))
                    .before(setPath("/v3/api-docs"))
                    .filter(guard)
                    .build());
        }
        routes.POST(APPLICATIONS, unroutable::application);
        routes.route(
                path("/api/v1/cases/{caseNumber}").or(path("/api/v1/cases/{caseNumber}/**")), unroutable::caseRequest);
        return routes.build();
    }

    /**
     * The proxy's client: Apache HttpClient over pooled HTTP/1.1 connections, blocking on the
     * caller's thread. The JDK client handed every call to its selector and worker threads and back
     * (13 % of the gateway's CPU samples at 50 intakes/s, issue #16), and offered an h2c upgrade with
     * the request body, which Jetty-based servers answer with RST_STREAM. The pool keeps twice as many
     * connections per back office as its bulkhead lets calls through, so an admitted call never waits
     * for one. A proxy passes answers through as they came: no retries of its own (a 503 with
     * Retry-After is the caller's to honour, and a retried POST could be a second application), no
     * cookie jar shared between callers, no decompression. Idle connections are closed after 10 s,
     * well inside a back office's keep-alive timeout, and checked before reuse after 1 s idle, so a
     * call is not sent down a connection the other side has just closed.
     */
    @Bean
    ClientHttpRequestFactoryBuilder<?> backOfficeHttpClient(RoutingProperties properties) {
        int perBackOffice = 2 * properties.maxConcurrentCalls();
        int backOffices = Math.max(1, properties.deployed().size());
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client.disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableContentCompression()
                        .evictIdleConnections(TimeValue.ofSeconds(10)))
                .withConnectionConfigCustomizer(
                        connection -> connection.setValidateAfterInactivity(TimeValue.ofSeconds(1)))
                .withConnectionManagerCustomizer(
                        pool -> pool.setMaxConnPerRoute(perBackOffice).setMaxConnTotal(perBackOffice * backOffices));
    }

    /**
     * Every back office gets the same bulkhead and circuit settings, from configuration; the
     * registries are Resilience4j's Spring Boot ones, which publish their state to Micrometer.
     */
    private static BackOfficeGuard guard(
            String service,
            RoutingProperties properties,
            BulkheadRegistry bulkheads,
            CircuitBreakerRegistry breakers,
            MeterRegistry meters,
            Clock clock) {
        Bulkhead bulkhead = bulkheads.bulkhead(
                service,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls())
                        .maxWaitDuration(properties.admissionWait())
                        .build());
        CircuitBreaker breaker = breakers.circuitBreaker(
                service,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .minimumNumberOfCalls(properties.minimumCalls())
                        .slidingWindowSize(Math.max(properties.minimumCalls(), 20))
                        .waitDurationInOpenState(properties.openFor())
                        .build());
        return new BackOfficeGuard(service, bulkhead, breaker, properties, meters, clock);
    }
}
