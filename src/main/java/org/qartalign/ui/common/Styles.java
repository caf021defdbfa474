package org.qartalign.ui.common;

/** Style-class names used by the stylesheet, as constants so views and tests agree. */
public final class Styles {
    public static final String KEY_CAP = "key-cap";
    public static final String KEY_HINT = "key-hint";
    public static final String ANSWER_CHIP = "answer-chip";
    public static final String ANSWER_SET = "answer-set";
    public static final String CODE_STAGE = "code-stage";
    public static final String ERROR_TEXT = "error-text";
    public static final String TITLE = "title";
    public static final String MUTED = "muted";
    public static final String CARD = "card";
    public static final String PRIMARY = "primary";

    private Styles() {
    }
}
