package org.qartalign.eval;

/** What one decode of one image gave, judged against the expected payload. */
public enum ScanOutcome {
    SCANNED, MISREAD, NOT_DECODED;

    public static ScanOutcome of(String decoded, String expected, PayloadMatch match) {
        if (decoded == null) {
            return NOT_DECODED;
        }
        return match.matches(decoded, expected) ? SCANNED : MISREAD;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
