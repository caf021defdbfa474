package org.qartalign.cli;

import org.qartalign.eval.EvalProgress;
import org.qartalign.eval.EvalRunner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal, one bar with time left, redrawn in place; in a log file or a pipe, where
 * {@code \r} redraws pile up as hundreds of lines, a plain line at each further 10% at most every 10 s (and the
 * last one), so a run of any length writes at most 11 lines.
 */
final class ProgressBar implements EvalRunner.ProgressListener {
    static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
    private static final int WIDTH = 30;
    /** Before this share is done (and this much time has passed) the rate is warm-up, not a forecast. */
    static final double ETA_MIN_FRACTION = 0.05;
    static final Duration ETA_MIN_ELAPSED = Duration.ofSeconds(10);
    private final PrintWriter err;
    private final String label;
    private final boolean live;
    private final LongSupplier clock;
    private final long start;
    private int lastTenth = -1;
    private long lastLine;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, boolean live, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.live = live;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** A live bar when stderr is a terminal, log lines otherwise. */
    static ProgressBar onStderr(PrintWriter err, String label) {
        return new ProgressBar(err, label, stderrIsTerminal(), System::nanoTime);
    }

    @Override
    public void progress(EvalProgress p) {
        draw(p.fraction(), p.done() + "/" + p.total(), p.elapsed(), p.eta());
    }

    /** For work that counts in fractions and stages rather than codes. */
    void update(double fraction, String stage) {
        Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
        Duration eta = fraction <= 0 ? null : Duration.ofNanos((long) (elapsed.toNanos() * (1 - fraction) / fraction));
        draw(fraction, stage, elapsed, eta);
    }

    private void draw(double fraction, String detail, Duration elapsed, Duration eta) {
        boolean settled = fraction >= ETA_MIN_FRACTION || elapsed.compareTo(ETA_MIN_ELAPSED) >= 0;
        String left = eta == null || !settled ? "--:--" : format(eta);
        if (live) {
            int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            err.printf(Locale.ROOT, "\r%s [%s] %s  %s elapsed  %s left ", label, bar, detail, format(elapsed), left);
            drawn = true;
            err.flush();
            return;
        }
        int tenth = (int) Math.floor(Math.min(1, Math.max(0, fraction)) * 10 + 1e-9);
        long now = clock.getAsLong();
        boolean due = lastTenth < 0 || tenth == 10 || now - lastLine >= LINE_INTERVAL_NANOS;
        if (tenth > lastTenth && due) {
            lastTenth = tenth;
            lastLine = now;
            err.printf(Locale.ROOT, "%s %3d%%  %s  %s elapsed, %s left%n", label, tenth * 10, detail, format(elapsed),
                    left);
            err.flush();
        }
    }

    void finish() {
        if (live && drawn) {
            err.println();
            err.flush();
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Java 17's {@link System#console()} only says whether stdin and stdout are a terminal; {@code eval 2>log} keeps
     * both, so on Linux stderr itself is looked at.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
