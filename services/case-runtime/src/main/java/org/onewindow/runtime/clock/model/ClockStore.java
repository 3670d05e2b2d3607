package org.onewindow.runtime.clock.model;

import java.util.List;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;

/** Port to where the clocks of the cases are kept, each whole (the kernel's immutable {@link CaseClock}). */
public interface ClockStore {

    /** A stored clock with its case's jurisdiction and the SLA level last reported for it. */
    record Stored(String caseNumber, String jurisdiction, String name, CaseClock clock, SlaLevel reported) {}

    /** Where the SLA scan goes on from: the key of the last clock it visited. */
    record Cursor(String caseNumber, String name) {
        public static final Cursor START = new Cursor("", "");
    }

    /** APPROVAL, WHOLE_PROCESS, or STEP:&lt;step&gt;. */
    static String nameOf(CaseClock clock) {
        return clock.kind() == ClockKind.STEP
                ? "STEP:" + clock.step()
                : clock.kind().name();
    }

    void insert(String caseNumber, CaseClock clock);

    void update(String caseNumber, CaseClock clock);

    void reported(String caseNumber, String name, SlaLevel level);

    /** The clocks of a case, locked for the calling transaction. */
    List<Stored> ofCase(String caseNumber);

    /**
     * The next running clocks after {@code after} in key order, locked; clocks another instance is
     * scanning are skipped, so several service instances can scan side by side.
     */
    List<Stored> runningAfter(Cursor after, int size);
}
