package org.onewindow.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.onewindow.kernel.problem.infrastructure.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One circuit breaker and time limit per back office: when a service is down, slow or its circuit
 * is open, the caller gets a 503 problem with Retry-After at once, never a hang. An application
 * that got a 503 was not acknowledged, so retrying it with the same Idempotency-Key is safe.
 */
final class BackOfficeGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeGuard.class);

    private final String service;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Duration retryAfter;

    BackOfficeGuard(String service, CircuitBreakerFactory<?, ?> breakers, Duration retryAfter) {
        this.service = service;
        this.breakers = breakers;
        this.retryAfter = retryAfter;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return breakers.create(service).run(() -> proxy(request, next), this::unavailable);
    }

    private ServerResponse proxy(ServerRequest request, HandlerFunction<ServerResponse> next) {
        try {
            return next.handle(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerResponse unavailable(Throwable cause) {
        String why = reason(cause);
        log.warn("back office {} unavailable: {} ({})", service, why, rootMessage(cause));
        boolean outcomeUnknown = "time limit exceeded".equals(why);
        long seconds = retryAfter.toSeconds();
        return ServiceUnavailable.serverResponse(
                "back-office.unavailable",
                "后台业务系统（" + service + "）暂时无法响应，请于 " + seconds + " 秒后使用相同的 Idempotency-Key 重试"
                        + (outcomeUnknown ? "（办理结果未知，重试不会重复受理）" : "（本次未被受理）"),
                "the " + service + " back office is unavailable (" + why + "); retry after " + seconds
                        + " s with the same Idempotency-Key"
                        + (outcomeUnknown
                                ? " (the outcome is unknown; a retry never accepts twice)"
                                : " (nothing was accepted)"),
                retryAfter);
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
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return "time limit exceeded";
            }
            if (t instanceof ConnectException) {
                return "not reachable";
            }
        }
        return cause.getClass().getSimpleName();
    }
}
