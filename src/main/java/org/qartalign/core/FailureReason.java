package org.qartalign.core;

import java.util.Locale;

/** Why a labeler's phone did not scan a code. */
public enum FailureReason {
    NO_DETECTION, WRONG_URL, MANY_TRIES;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailureReason parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (norm) {
            case "NO_DETECTION", "NOT_DETECTED" -> NO_DETECTION;
            case "WRONG_URL", "PARTIAL_URL", "WRONG_OR_PARTIAL_URL" -> WRONG_URL;
            case "MANY_TRIES", "ONLY_AFTER_MANY_TRIES" -> MANY_TRIES;
            default -> throw new IllegalArgumentException("unknown failure reason '" + s
                    + "' (expected no_detection, wrong_url or many_tries)");
        };
    }
}
