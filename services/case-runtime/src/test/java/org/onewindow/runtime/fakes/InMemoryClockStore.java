package org.onewindow.runtime.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * The case clocks in key order (case number, clock name), as the JDBC adapter keeps them: a clock
 * belongs to a stored case (whose jurisdiction it reports), starts GREEN, and {@link #dueForCheck}
 * gives the running ones whose check time has come, earliest first.
 */
public final class InMemoryClockStore implements ClockStore {

    private record Key(String caseNumber, String name) {}

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::caseNumber).thenComparing(Key::name);

    private static final class Row {
        CaseClock clock;
        SlaLevel level = SlaLevel.GREEN;
        Instant checkAt;

        Row(CaseClock clock, Instant checkAt) {
            this.clock = clock;
            this.checkAt = checkAt;
        }
    }

    private final TreeMap<Key, Row> rows = new TreeMap<>(ORDER);
    private final Function<String, Optional<CaseFile>> caseOf;
    private final List<Integer> batches = new ArrayList<>();

    /** @param caseOf the stored case, empty when there is no such case */
    public InMemoryClockStore(Function<String, Optional<CaseFile>> caseOf) {
        this.caseOf = caseOf;
    }

    @Override
    public void insert(String caseNumber, CaseClock clock, Instant checkAt) {
        jurisdiction(caseNumber);
        Key key = new Key(caseNumber, ClockStore.nameOf(clock));
        if (rows.containsKey(key)) {
            throw new IllegalStateException("duplicate key: " + key);
        }
        rows.put(key, new Row(clock, checkAt));
    }

    @Override
    public void update(String caseNumber, CaseClock clock, Instant checkAt) {
        Row row = rows.get(new Key(caseNumber, ClockStore.nameOf(clock)));
        if (row != null) {
            row.clock = clock;
            row.checkAt = checkAt;
        }
    }

    @Override
    public void checked(String caseNumber, String name, SlaLevel reported, Instant checkAt) {
        Row row = rows.get(new Key(caseNumber, name));
        if (row != null) {
            row.level = reported;
            row.checkAt = checkAt;
        }
    }

    @Override
    public List<Stored> ofCase(String caseNumber) {
        return rows.entrySet().stream()
                .filter(e -> e.getKey().caseNumber().equals(caseNumber))
                .map(this::stored)
                .toList();
    }

    @Override
    public List<Stored> approvalClocks(Collection<String> caseNumbers) {
        return rows.entrySet().stream()
                .filter(e -> caseNumbers.contains(e.getKey().caseNumber())
                        && e.getKey().name().equals("APPROVAL"))
                .map(this::stored)
                .toList();
    }

    @Override
    public List<Stored> dueForCheck(Instant until, int size) {
        List<Stored> due = rows.entrySet().stream()
                .filter(e -> e.getValue().clock.stoppedAt() == null
                        && e.getValue().checkAt != null
                        && !e.getValue().checkAt.isAfter(until))
                .sorted(Comparator.comparing(e -> e.getValue().checkAt))
                .limit(size)
                .map(this::stored)
                .toList();
        batches.add(due.size());
        return due;
    }

    @Override
    public List<String> behindCalendar(int calendarThrough, int size) {
        return behind(calendarThrough).limit(size).toList();
    }

    @Override
    public int countBehindCalendar(int calendarThrough) {
        return (int) behind(calendarThrough).count();
    }

    private java.util.stream.Stream<String> behind(int calendarThrough) {
        return rows.entrySet().stream()
                .filter(e -> e.getValue().clock.stoppedAt() == null
                        && (e.getValue().clock.calendarThrough() == null
                                || e.getValue().clock.calendarThrough() < calendarThrough))
                .map(e -> e.getKey().caseNumber())
                .distinct()
                .filter(n -> !caseFile(n).calendarKnown());
    }

    // what a test may look at beyond the port

    /** How many clocks each call of {@link #dueForCheck} gave, in order: one per batch. */
    public List<Integer> batches() {
        return List.copyOf(batches);
    }

    /** When the SLA scan will next look at a clock; empty for never. */
    public Optional<Instant> checkAt(String caseNumber, String name) {
        return Optional.ofNullable(row(caseNumber, name).checkAt);
    }

    public int count() {
        return rows.size();
    }

    public long running() {
        return rows.values().stream().filter(r -> r.clock.stoppedAt() == null).count();
    }

    /** The SLA level last reported for a clock. */
    public SlaLevel reportedLevel(String caseNumber, String name) {
        return row(caseNumber, name).level;
    }

    private Row row(String caseNumber, String name) {
        Row row = rows.get(new Key(caseNumber, name));
        if (row == null) {
            throw new AssertionError("no clock " + name + " of " + caseNumber);
        }
        return row;
    }

    private Stored stored(Map.Entry<Key, Row> e) {
        return new Stored(
                e.getKey().caseNumber(),
                jurisdiction(e.getKey().caseNumber()),
                e.getKey().name(),
                e.getValue().clock,
                e.getValue().level);
    }

    private String jurisdiction(String caseNumber) {
        return caseFile(caseNumber).jurisdiction();
    }

    private CaseFile caseFile(String caseNumber) {
        return caseOf.apply(caseNumber)
                .orElseThrow(() -> new IllegalStateException("foreign key: no case " + caseNumber));
    }
}
