package org.qartalign.cli;

import org.qartalign.eval.EvalProgress;
import org.qartalign.eval.EvalRunner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A one-line text progress bar with time left, redrawn in place on stderr. */
final class ProgressBar implements EvalRunner.ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void progress(EvalProgress p) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        err.printf(Locale.ROOT, "\r%s [%s] %d/%d  %s elapsed  %s left ", label, bar, p.done(), p.total(),
                format(p.elapsed()), p.eta() == null ? "--:--" : format(p.eta()));
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
