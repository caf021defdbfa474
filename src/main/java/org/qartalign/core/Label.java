package org.qartalign.core;

import java.time.Instant;

/**
 * One version of a labeler's answer for a code. Labels are never updated or deleted: a correction or an
 * undo is a new version whose {@code supersedes} names the version it replaces.
 *
 * @param scanned null until the scan key is pressed
 * @param aesthetic 1-5, null until given
 * @param scanMillis time from the code being shown to the scan key, null when unknown
 * @param flags comma-separated markers such as {@code simulated} or {@code retest}
 */
public record Label(String uuid, String codeId, long labelerId, Long sessionId, LabelKind kind,
                    Boolean scanned, FailureReason reason, Integer aesthetic,
                    Instant shownAt, Long scanMillis, Instant submittedAt, String flags, String supersedes) {

    public boolean complete() {
        return kind == LabelKind.ANSWER && scanned != null && aesthetic != null;
    }

    public boolean hasFlag(String flag) {
        if (flags == null || flags.isEmpty()) {
            return false;
        }
        for (String f : flags.split(",")) {
            if (f.trim().equals(flag)) {
                return true;
            }
        }
        return false;
    }
}
