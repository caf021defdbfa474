package org.qartalign.team;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the hostile-input suite's attacks, the clear errors they got and the databases left unchanged. */
final class HostileTally {
    private static final AtomicInteger ATTACKS = new AtomicInteger();
    private static final AtomicInteger CLEAR = new AtomicInteger();
    private static final AtomicInteger UNCHANGED = new AtomicInteger();

    private HostileTally() {
    }

    /** One attack: whether it got a clear error (exit 2 or a named refusal) and whether the database was unchanged. */
    static void attack(boolean clearError, boolean unchanged) {
        ATTACKS.incrementAndGet();
        if (clearError) {
            CLEAR.incrementAndGet();
        }
        if (unchanged) {
            UNCHANGED.incrementAndGet();
        }
    }

    static String line(String suite) {
        return "Hostile tally after " + suite + ": " + ATTACKS + " attacks, " + CLEAR + " refused with a clear error, "
                + (ATTACKS.get() - CLEAR.get()) + " answered by correct behaviour, " + UNCHANGED
                + " databases unchanged (canonical dump sha256, or raw bytes)";
    }
}
