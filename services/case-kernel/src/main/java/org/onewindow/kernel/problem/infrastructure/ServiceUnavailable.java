package org.onewindow.kernel.problem.infrastructure;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The platform's one "not now, come back in n seconds": a 503 problem with the reason in zh and en
 * and a Retry-After header. A clerk's client retries after Retry-After with the same
 * Idempotency-Key, so every 503 (a saturated service, an unreachable or undeployed back office)
 * has to carry it the same way; built here once instead of at each place that refuses.
 */
public final class ServiceUnavailable {

    private ServiceUnavailable() {}

    /** For controllers and exception handlers. Retry-After is whole seconds, at least one. */
    public static ResponseEntity<Object> problem(String code, String zh, String en, Duration retryAfter) {
        ResponseEntity<Object> problem =
                ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, code, zh, en, List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)))
                .body(problem.getBody());
    }

    /** The same answer for functional endpoints and their filters (the gateway's routes). */
    public static ServerResponse serverResponse(String code, String zh, String en, Duration retryAfter) {
        ResponseEntity<Object> problem = problem(code, zh, en, retryAfter);
        return ServerResponse.status(problem.getStatusCode())
                .headers(headers -> headers.addAll(problem.getHeaders()))
                .body(problem.getBody());
    }

    /** Retry-After takes whole seconds; a part second is rounded up, and "0" would invite a hammering. */
    private static long seconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
