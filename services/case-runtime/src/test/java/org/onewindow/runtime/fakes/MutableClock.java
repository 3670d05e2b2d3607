package org.onewindow.runtime.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves by hand; {@link #at(String)} reads a local date-time in the clock's zone. */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    public MutableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at a local date-time, e.g. {@code MutableClock.at("2026-03-02T09:00", SHANGHAI)}. */
    public static MutableClock at(String localDateTime, ZoneId zone) {
        return new MutableClock(LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
    }

    /** Moves to a local date-time of the clock's zone. */
    public void set(String localDateTime) {
        now = local(localDateTime);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** The instant of a local date-time in the clock's zone. */
    public Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
