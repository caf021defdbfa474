package org.qartalign.alignment;

/**
 * A 2x2 confusion matrix with "positive" = scans, and the figures derived from it. Counts are doubles because
 * bootstrap weights multiply them. Every figure is NaN when it is 0/0 (for example precision with no predicted
 * positives, kappa or MCC with a single class).
 */
public record Confusion(double tp, double fp, double tn, double fn) {
    public double n() {
        return tp + fp + tn + fn;
    }

    public double accuracy() {
        return ratio(tp + tn, n());
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Of the codes people could not scan, the share the eval passes: fp / (fp + tn), 1 - specificity. */
    public double falsePassRate() {
        return ratio(fp, fp + tn);
    }

    public double specificity() {
        return ratio(tn, tn + fp);
    }

    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** Share of codes the eval passes (predicts to scan). */
    public double passRate() {
        return ratio(tp + fp, n());
    }

    /** Share of codes humans scanned. */
    public double positiveRate() {
        return ratio(tp + fn, n());
    }

    public double cohenKappa() {
        double n = n();
        if (n == 0) {
            return Double.NaN;
        }
        double po = (tp + tn) / n;
        double pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
        return 1 - pe < 1e-12 ? Double.NaN : (po - pe) / (1 - pe);
    }

    public double mcc() {
        double d = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        return d == 0 ? Double.NaN : (tp * tn - fp * fn) / Math.sqrt(d);
    }

    /** Youden's J = recall + specificity - 1. */
    public double youdenJ() {
        return recall() + specificity() - 1;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
