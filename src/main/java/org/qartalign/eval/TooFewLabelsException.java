package org.qartalign.eval;

/** Training was refused: too few codes carry the human label it learns from; the message says how many more. */
public final class TooFewLabelsException extends IllegalArgumentException {
    private final int have;
    private final int need;

    public TooFewLabelsException(String message, int have, int need) {
        super(message);
        this.have = have;
        this.need = need;
    }

    public int have() {
        return have;
    }

    public int need() {
        return need;
    }
}
