package org.qartalign.eval;

/** When a decoded text counts as the expected one. */
public enum PayloadMatch {
    /** The code must open exactly its URL. */
    EXACT,
    /** For corpora whose expected .txt files may carry other line endings than the code. */
    NORMALISED_LINE_ENDINGS;

    public boolean matches(String decoded, String expected) {
        if (decoded == null || expected == null) {
            return false;
        }
        return this == EXACT ? decoded.equals(expected) : normalise(decoded).equals(normalise(expected));
    }

    public static String normalise(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
