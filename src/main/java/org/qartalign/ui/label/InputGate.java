package org.qartalign.ui.label;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Decides which code a key press belongs to: the code whose image was painted on screen, once it has been on screen
 * for the guard time. Until then a key belongs to no code and is dropped (a key pressed within a fraction of a second
 * of a new code cannot be an answer to it: it is a double tap or a carry-over from the previous code).
 * Plain Java with an injected clock, so it is tested without a toolkit.
 */
final class InputGate {
    /** Default guard time: below the fastest visual reaction times, well above a 120 ms double tap after the paint. */
    static final long DEFAULT_GUARD_MS = 200;

    private final LongSupplier nanos;
    private final long guardNanos;
    private String painted;
    private long paintedAt;

    InputGate(LongSupplier nanos, long guardMillis) {
        this.nanos = nanos;
        this.guardNanos = Math.max(0, guardMillis) * 1_000_000;
    }

    /** The screen has drawn this code's image (or the message saying it cannot be shown). */
    void painted(String codeId) {
        if (!Objects.equals(codeId, painted)) {
            painted = codeId;
            paintedAt = nanos.getAsLong();
        }
    }

    /** The code moved on; nothing is drawn for the new one yet. */
    void cleared() {
        painted = null;
    }

    /** The code a key pressed now belongs to, or null when input is closed for the code on screen. */
    String bind(String onScreen) {
        if (painted == null || !painted.equals(onScreen)) {
            return null;
        }
        return nanos.getAsLong() - paintedAt >= guardNanos ? painted : null;
    }

    long guardMillis() {
        return guardNanos / 1_000_000;
    }
}
