package org.qartalign.cli;

import org.qartalign.eval.DecoderCheck;
import org.qartalign.eval.Evaluator;
import org.qartalign.eval.EvaluatorRegistry;
import org.qartalign.eval.ImageCorpus;
import org.qartalign.eval.PayloadMatch;
import org.qartalign.eval.ScanOutcome;
import org.qartalign.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Decoder check over folders of images with expected texts. */
@Command(name = "eval-images", mixinStandardHelpOptions = true,
        description = "Runs scan evaluators over images that each have a sibling .txt with the expected text and "
                + "prints, per evaluator: decoded correctly, misread, not decoded, images per second.")
public final class EvalImagesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of images with expected .txt files.")
    List<Path> folders;

    @Option(names = "--evaluator", paramLabel = "NAME", description = "Evaluator to run (repeatable; default: all scan evaluators).")
    List<String> evaluators = new ArrayList<>();

    @Option(names = "--json", description = "Print the tallies as JSON.")
    boolean json;

    @Option(names = "--verbose", description = "Also list every image that was not decoded correctly.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ImageCorpus.Entry> corpus = ImageCorpus.load(folders);
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no image with a sibling .txt under " + folders);
        }
        EvaluatorRegistry registry = EvaluatorRegistry.standard();
        List<Map<String, Object>> out = new ArrayList<>();
        PrintWriter w = spec.commandLine().getOut();
        for (Evaluator e : registry.createAll(evaluators, PayloadMatch.NORMALISED_LINE_ENDINGS)) {
            DecoderCheck.Tally t = DecoderCheck.run(e, corpus);
            if (json) {
                out.add(toMap(t));
            } else {
                w.printf(Locale.ROOT, "%-13s v%-5s images %d  decoded correctly %d  misread %d  not decoded %d%s"
                                + "  mean scan prob %.3f  %.1f images/s%s%n",
                        t.evaluator(), t.version(), t.images(), t.correct(), t.misread(), t.notDecoded(),
                        t.atLeastOneCapture() == null ? "" : "  decoded under >=1 capture " + t.atLeastOneCapture(),
                        t.meanScanProbability(), t.imagesPerSecond(),
                        t.unreadable() > 0 ? "  unreadable " + t.unreadable() : "");
                if (verbose) {
                    for (DecoderCheck.ImageOutcome o : t.outcomes()) {
                        if (o.outcome() != ScanOutcome.SCANNED) {
                            w.printf(Locale.ROOT, "  %-11s p=%.2f %s%n", o.outcome().key(), o.scanProbability(), o.image());
                        }
                    }
                }
            }
        }
        if (json) {
            w.println(Json.write(out));
        }
        w.flush();
        return 0;
    }

    private static Map<String, Object> toMap(DecoderCheck.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evaluator", t.evaluator());
        m.put("version", t.version());
        m.put("images", t.images());
        m.put("decodedCorrectly", t.correct());
        m.put("misread", t.misread());
        m.put("notDecoded", t.notDecoded());
        if (t.atLeastOneCapture() != null) {
            m.put("decodedUnderAtLeastOneCapture", t.atLeastOneCapture());
        }
        m.put("meanScanProbability", t.meanScanProbability());
        m.put("unreadable", t.unreadable());
        m.put("imagesPerSecond", t.imagesPerSecond());
        return m;
    }
}
