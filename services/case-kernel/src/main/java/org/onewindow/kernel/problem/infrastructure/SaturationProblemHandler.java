package org.onewindow.kernel.problem.infrastructure;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * No database connection within the pool's wait: the service is saturated and nothing was stored.
 * A clerk can act on "busy, retry shortly with the same Idempotency-Key"; a 500 says nothing. Only
 * in applications with a database (the gateway has none), ahead of the catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SaturationProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(SaturationProblemHandler.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<Object> saturated(Exception e) {
        log.warn("no database connection: {}", e.getMessage());
        return ServiceUnavailable.problem(
                "service.busy",
                "系统繁忙，本次未保存任何数据，请稍后用同一幂等键重试",
                "the service is busy; nothing was stored; retry shortly with the same Idempotency-Key",
                RETRY_AFTER);
    }
}
