package org.qartalign.core;

import java.util.Locale;

/** What a label version records. */
public enum LabelKind {
    /** A scan answer and/or an aesthetic score. */
    ANSWER,
    /** The labeler skipped the code; it comes back after the others. */
    SKIP,
    /** The labeler flagged the image as broken. */
    FLAG,
    /** An undo: the previous version no longer counts. */
    RETRACT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LabelKind parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
