package org.onewindow.runtime.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * The case clocks in key order (case number, clock name), as the JDBC adapter keeps them: a clock
 * belongs to a stored case (whose jurisdiction it reports), starts GREEN, and {@link #runningAfter}
 * walks the running ones strictly after the cursor.
 */
public final class InMemoryClockStore implements ClockStore {

    private record Key(String caseNumber, String name) {}

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::caseNumber).thenComparing(Key::name);

    private static final class Row {
        CaseClock clock;
        SlaLevel level = SlaLevel.GREEN;

        Row(CaseClock clock) {
            this.clock = clock;
        }
    }

    private final TreeMap<Key, Row> rows = new TreeMap<>(ORDER);
    private final Function<String, Optional<String>> jurisdictionOf;
    private final List<Cursor> scans = new ArrayList<>();

    /** @param jurisdictionOf the jurisdiction of a stored case, empty when there is no such case */
    public InMemoryClockStore(Function<String, Optional<String>> jurisdictionOf) {
        this.jurisdictionOf = jurisdictionOf;
    }

    @Override
    public void insert(String caseNumber, CaseClock clock) {
        jurisdiction(caseNumber);
        Key key = new Key(caseNumber, ClockStore.nameOf(clock));
        if (rows.containsKey(key)) {
            throw new IllegalStateException("duplicate key: " + key);
        }
        rows.put(key, new Row(clock));
    }

    @Override
    public void update(String caseNumber, CaseClock clock) {
        Row row = rows.get(new Key(caseNumber, ClockStore.nameOf(clock)));
        if (row != null) {
            row.clock = clock;
        }
    }

    @Override
    public void reported(String caseNumber, String name, SlaLevel level) {
        Row row = rows.get(new Key(caseNumber, name));
        if (row != null) {
            row.level = level;
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
    public List<Stored> runningAfter(Cursor after, int size) {
        scans.add(after);
        return rows.tailMap(new Key(after.caseNumber(), after.name()), false).entrySet().stream()
                .filter(e -> e.getValue().clock.stoppedAt() == null)
                .limit(size)
                .map(this::stored)
                .toList();
    }

    // what a test may look at beyond the port

    /** The cursors {@link #runningAfter} was called with, in order: one per batch. */
    public List<Cursor> scans() {
        return List.copyOf(scans);
    }

    public int count() {
        return rows.size();
    }

    public long running() {
        return rows.values().stream().filter(r -> r.clock.stoppedAt() == null).count();
    }

    /** The SLA level last reported for a clock. */
    public SlaLevel reportedLevel(String caseNumber, String name) {
        Row row = rows.get(new Key(caseNumber, name));
        if (row == null) {
            throw new AssertionError("no clock " + name + " of " + caseNumber);
        }
        return row.level;
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
        return jurisdictionOf
                .apply(caseNumber)
                .orElseThrow(() -> new IllegalStateException("foreign key: no case " + caseNumber));
    }
}
