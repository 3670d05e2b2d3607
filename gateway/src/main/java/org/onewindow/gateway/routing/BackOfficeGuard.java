package org.onewindow.gateway.routing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.onewindow.gateway.routing.model.RetryPacing;
import org.onewindow.kernel.problem.infrastructure.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Admission control per back office: a bulkhead of concurrent calls, then a circuit breaker; the
 * time limit is the proxy client's own (no second thread per call). What cannot be served is
 * refused with a 503 problem and Retry-After, never queued behind the calls already running: a
 * call that finds its back office full is told "busy, retry in N seconds" at once, or after the
 * admission wait where one is configured (at most tens of ms), N growing with the callers already
 * turned away ({@link RetryPacing}); a failing back office answers
 * "unavailable, retry after the circuit's open time". An application that got a 503 was not
 * acknowledged, so retrying it with the same Idempotency-Key is safe.
 */
final class BackOfficeGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeGuard.class);

    private final String service;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;
    private final RetryPacing pacing;
    private final Duration retryAfterUnavailable;
    private final MeterRegistry meters;
    private final Clock clock;

    BackOfficeGuard(
            String service,
            Bulkhead bulkhead,
            CircuitBreaker breaker,
            RoutingProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.service = service;
        this.bulkhead = bulkhead;
        this.breaker = breaker;
        this.pacing = new RetryPacing(
                properties.busyRetryAfter().toSeconds(),
                properties.busyRetryAfterLongest().toSeconds());
        this.retryAfterUnavailable = properties.openFor();
        this.meters = meters;
        this.clock = clock;
        // the series exists from the start, so a rate over it (dashboards, alerts) reads 0, not nothing
        meters.counter("onewindow.gateway.refusals", "service", service, "reason", "busy");
        meters.gauge("onewindow.gateway.busy.retry.after", Tags.of("service", service), pacing, RetryPacing::current);
        breaker.getEventPublisher()
                .onStateTransition(
                        event -> log.warn("back office {}: circuit {}", service, event.getStateTransition()));
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (!bulkhead.tryAcquirePermission()) {
            return busy();
        }
        pacing.admitted(epochSecond());
        try {
            return breaker.executeCheckedSupplier(() -> next.handle(request));
        } catch (Error e) {
            throw e;
        } catch (Throwable cause) {
            return unavailable(cause);
        } finally {
            bulkhead.onComplete();
        }
    }

    /** 排队已满: more calls in flight than this back office is allowed; nothing was sent to it. */
    private ServerResponse busy() {
        refused("busy");
        long seconds = pacing.refused(epochSecond());
        return ServiceUnavailable.serverResponse(
                "back-office.busy",
                "后台业务系统（" + service + "）当前办理量已满，请于 " + seconds + " 秒后使用相同的 Idempotency-Key 重试（本次未被受理）",
                "the " + service + " back office is at its limit of "
                        + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                        + " concurrent calls; retry after " + seconds
                        + " s with the same Idempotency-Key (nothing was accepted)",
                Duration.ofSeconds(seconds));
    }

    private long epochSecond() {
        return Math.floorDiv(clock.millis(), 1_000L);
    }

    private ServerResponse unavailable(Throwable cause) {
        String why = reason(cause);
        refused(why);
        log.debug("back office {} unavailable: {} ({})", service, why, rootMessage(cause));
        boolean outcomeUnknown = "time limit exceeded".equals(why);
        long seconds = retryAfterUnavailable.toSeconds();
        return ServiceUnavailable.serverResponse(
                "back-office.unavailable",
                "后台业务系统（" + service + "）暂时无法响应，请于 " + seconds + " 秒后使用相同的 Idempotency-Key 重试"
                        + (outcomeUnknown ? "（办理结果未知，重试不会重复受理）" : "（本次未被受理）"),
                "the " + service + " back office is unavailable (" + why + "); retry after " + seconds
                        + " s with the same Idempotency-Key"
                        + (outcomeUnknown
                                ? " (the outcome is unknown; a retry never accepts twice)"
                                : " (nothing was accepted)"),
                retryAfterUnavailable);
    }

    /** Refusals are counted, not logged one by one: under overload a line per refusal is load of its own. */
    private void refused(String reason) {
        meters.counter("onewindow.gateway.refusals", "service", service, "reason", reason)
                .increment();
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit open";
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return "time limit exceeded";
            }
            if (t instanceof ConnectException) {
                return "not reachable";
            }
        }
        return cause.getClass().getSimpleName();
    }
}
