package org.onewindow.gateway.routing.model;

/**
 * 错峰重试: how long a caller turned away by a full back office is asked to wait before it tries
 * again (its Retry-After), so that the crowd of turned-away callers comes back at about twice the
 * rate the back office takes calls, not all of it every second.
 *
 * <p>Why: after an outage every waiting clerk's client retries. With a fixed second, 2,000 of them
 * are 2,000 refusals a second, and on a small machine answering those takes the cores the back
 * office needs to serve the calls it admits (docs/performance.md, run 8: 25 receipts/s for minutes
 * with 2,000 waiting). The crowd is the refusals whose Retry-After has not yet run out (each is a
 * caller still away; one who came back and was refused again counts once, by its latest refusal);
 * asking for {@code crowd / (2 × pace)} seconds brings them back at about twice the pace, so the
 * back office stays full and the refusals stay few.
 *
 * <p>Seconds are the caller's epoch seconds, passed in, so the arithmetic is tested without a
 * clock. Thread-safe; one instance per back office.
 */
public final class RetryPacing {

    /** Seconds of counts kept; the advice never looks further back than its own maximum. */
    private static final int KEPT = 64;

    /** Seconds over which the back office's pace (calls admitted per second) is averaged. */
    private static final int PACE_SECONDS = 5;

    /** Retries per second asked for, as a multiple of the pace: enough to keep the back office full. */
    private static final int HEADROOM = 2;

    private final long shortest;
    private final long longest;
    private final long[] second = new long[KEPT];
    private final long[] admitted = new long[KEPT];
    private final long[] refused = new long[KEPT];
    private final long[] advised = new long[KEPT];
    private long advice;

    /**
     * @param shortest the Retry-After when nobody is waiting, in seconds (at least 1)
     * @param longest the longest Retry-After ever given, in seconds
     */
    public RetryPacing(long shortest, long longest) {
        if (shortest < 1 || longest < shortest || longest >= KEPT) {
            throw new IllegalArgumentException("Retry-After bounds must be 1 <= shortest <= longest < " + KEPT
                    + " s, were " + shortest + " and " + longest);
        }
        this.shortest = shortest;
        this.longest = longest;
        this.advice = shortest;
    }

    /** A call was let through to the back office in this second. */
    public synchronized void admitted(long epochSecond) {
        admitted[slot(epochSecond)]++;
    }

    /** A call was turned away in this second; returns the seconds it is asked to wait. */
    public synchronized long refused(long epochSecond) {
        int i = slot(epochSecond);
        refused[i]++;
        if (advised[i] == 0) {
            advice = advise(epochSecond);
            advised[i] = advice;
        }
        return advised[i];
    }

    /** The advice given last, for a gauge; the shortest before any refusal. */
    public synchronized long current() {
        return advice;
    }

    /** From whole seconds only: the current one has barely begun when its first refusal asks. */
    private long advise(long now) {
        double pace = Math.max(1.0, (double) admittedSince(now - PACE_SECONDS, now) / PACE_SECONDS);
        long wanted = (long) Math.ceil(stillAway(now) / (HEADROOM * pace));
        return Math.min(longest, Math.max(shortest, wanted));
    }

    /** Refusals of earlier seconds whose Retry-After reaches this second or beyond. */
    private long stillAway(long now) {
        long away = 0;
        for (long s = now - longest; s < now; s++) {
            int i = index(s);
            if (second[i] == s && s + advised[i] >= now) {
                away += refused[i];
            }
        }
        return away;
    }

    private long admittedSince(long from, long to) {
        long total = 0;
        for (long s = from; s < to; s++) {
            int i = index(s);
            if (second[i] == s) {
                total += admitted[i];
            }
        }
        return total;
    }

    private static int index(long epochSecond) {
        return (int) Math.floorMod(epochSecond, (long) KEPT);
    }

    private int slot(long epochSecond) {
        int i = index(epochSecond);
        if (second[i] != epochSecond) {
            second[i] = epochSecond;
            admitted[i] = 0;
            refused[i] = 0;
            advised[i] = 0;
        }
        return i;
    }
}
