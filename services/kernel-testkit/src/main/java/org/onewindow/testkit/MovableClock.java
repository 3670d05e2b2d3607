package org.onewindow.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock the test sets ({@code @Import(MovableClock.class)}, then {@link #set}): the kernel's own
 * Clock bean steps aside for it, so due dates, pauses and SLA levels follow the test's time.
 * Static, like the application context it serves; a test class sets it before each use.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static volatile Instant now = Instant.parse("2026-11-24T01:30:00Z");

    /** Moves the clock to a Beijing local time, e.g. {@code 2026-11-24T09:30}. */
    public static void set(String beijingLocalTime) {
        now = at(beijingLocalTime);
    }

    /** Moves the clock on, e.g. by the seconds a caller was asked to wait. */
    public static void advance(Duration by) {
        now = now.plus(by);
    }

    public static Instant at(String beijingLocalTime) {
        return LocalDateTime.parse(beijingLocalTime).atZone(SHANGHAI).toInstant();
    }

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return SHANGHAI;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
