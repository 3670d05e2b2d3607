package org.onewindow.kernel.clock.model;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * The office sessions of a working day (办公时间), e.g. 09:00–12:00 and 13:30–17:30. Sessions are
 * sorted and do not overlap; the last session's end is the close of business that ends a period
 * counted in days (民法典 art. 203).
 */
public record OfficeHours(List<Session> sessions) {

    /** The default when a jurisdiction's catalogue names none; see docs/clock.md. */
    public static final OfficeHours DEFAULT =
            new OfficeHours(List.of(Session.of("09:00", "12:00"), Session.of("13:30", "17:30")));

    public OfficeHours {
        if (sessions == null || sessions.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one session");
        }
        sessions = sessions.stream().sorted(Comparator.comparing(Session::from)).toList();
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).from().isBefore(sessions.get(i - 1).to())) {
                throw new IllegalArgumentException(
                        "office sessions overlap: " + sessions.get(i - 1) + " and " + sessions.get(i));
            }
        }
    }

    /** Working time in one working day. */
    public Duration dayLength() {
        return sessions.stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
    }

    public LocalTime opening() {
        return sessions.get(0).from();
    }

    /** Close of business. */
    public LocalTime closing() {
        return sessions.get(sessions.size() - 1).to();
    }

    /** Working time of a working day that lies before {@code time}. */
    public Duration workedBefore(LocalTime time) {
        Duration worked = Duration.ZERO;
        for (Session s : sessions) {
            if (!time.isAfter(s.from())) {
                break;
            }
            LocalTime end = time.isBefore(s.to()) ? time : s.to();
            worked = worked.plus(Duration.between(s.from(), end));
        }
        return worked;
    }

    /** One office session, {@code from} inclusive to {@code to} exclusive. */
    public record Session(LocalTime from, LocalTime to) {
        public Session {
            if (from == null || to == null || !to.isAfter(from)) {
                throw new IllegalArgumentException("an office session must end after it starts: " + from + "–" + to);
            }
        }

        public static Session of(String from, String to) {
            return new Session(LocalTime.parse(from), LocalTime.parse(to));
        }

        public Duration length() {
            return Duration.between(from, to);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }
}
