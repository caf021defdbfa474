package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.eval.EvalProgress;
import org.qartalign.testing.TestDatasets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    @TempDir
    Path dir;

    /** An hour-long run of 10,000 codes, one update per code, as a log sees it. */
    @Test
    void aLongRunWritesAtMostElevenPlainLinesToALog() {
        StringWriter log = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(log), "eval", false, now::get);
        int total = 10_000;
        for (int done = 0; done <= total; done++) {
            now.set(done * 360_000_000L);
            bar.progress(new EvalProgress(done, total, Duration.ofNanos(now.get()), null));
        }
        bar.finish();
        String text = log.toString();
        assertFalse(text.contains("\r"), text);
        String[] lines = text.split("\n");
        assertEquals(11, lines.length, text);
        assertTrue(lines[0].startsWith("eval   0%  0/10000"), lines[0]);
        assertTrue(lines[10].startsWith("eval 100%  10000/10000  1:00:00 elapsed"), lines[10]);
    }

    @Test
    void aShortRunWritesOnlyItsFirstAndLastLine() {
        StringWriter log = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(log), "demo", false, now::get);
        for (int i = 0; i <= 100; i++) {
            now.set(i * 50_000_000L);
            bar.update(i / 100.0, "rendering");
        }
        assertEquals(2, log.toString().split("\n").length, log.toString());
    }

    /** The first code of a run is slow (class loading, JIT): its rate forecast "6:40 left" for a 40 s demo. */
    @Test
    void noTimeLeftIsForecastFromTheWarmUp() {
        StringWriter log = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(log), "demo", false, now::get);
        now.set(2_000_000_000L);
        bar.update(0.005, "rendering");
        now.set(40_000_000_000L);
        bar.update(1.0, "rendering");
        String[] lines = log.toString().split("\n");
        assertTrue(lines[0].endsWith("0:02 elapsed, --:-- left"), lines[0]);
        assertTrue(lines[1].endsWith("0:40 elapsed, 0:00 left"), lines[1]);

        StringWriter tty = new StringWriter();
        ProgressBar live = new ProgressBar(new PrintWriter(tty), "eval", true, System::nanoTime);
        live.progress(new EvalProgress(1, 1000, Duration.ofSeconds(1), Duration.ofSeconds(999)));
        live.progress(new EvalProgress(100, 1000, Duration.ofSeconds(5), Duration.ofSeconds(45)));
        live.progress(new EvalProgress(30, 1000, Duration.ofSeconds(12), Duration.ofSeconds(388)));
        String[] draws = tty.toString().split("\r");
        assertTrue(draws[1].contains("--:-- left"), draws[1]);
        assertTrue(draws[2].contains("0:45 left"), draws[2]);
        assertTrue(draws[3].contains("6:28 left"), draws[3]);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        StringWriter tty = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(tty), "eval", true, System::nanoTime);
        bar.progress(new EvalProgress(1, 2, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        bar.progress(new EvalProgress(2, 2, Duration.ofSeconds(2), Duration.ZERO));
        bar.finish();
        assertEquals(2, tty.toString().chars().filter(c -> c == '\r').count());
        assertTrue(tty.toString().endsWith(System.lineSeparator()));
    }

    @Test
    void evalWithStderrInALogWritesNoRedrawsAndFewLines() {
        TestDatasets.withCodes(dir, 40).close();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = QArtAlignCommand.commandLine(d -> 0);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("eval", "--db", dir.resolve("labels.db").toString(), "--evaluator", "zxing-plain",
                "--threads", "1"));
        assertFalse(err.toString().contains("\r"), err.toString());
        long lines = err.toString().lines().filter(l -> l.startsWith("eval ")).count();
        assertTrue(lines >= 2 && lines <= 15, err.toString());
    }
}
