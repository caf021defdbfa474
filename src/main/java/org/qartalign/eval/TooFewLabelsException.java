package org.qartalign.eval;

/** Training was refused: too few codes carry a complete human label. */
public final class TooFewLabelsException extends IllegalArgumentException {
    private final int have;
    private final int need;

    public TooFewLabelsException(int have, int need, String detail) {
        super("train-aesthetic needs at least " + need + " codes with a complete human label (scan answer and "
                + "aesthetic score) and readable image; " + detail + " " + have + ": label " + (need - have)
                + " more codes first");
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
