package org.qartalign.eval;

import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.PromptUrlPair;
import org.qartalign.store.Json;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an evaluator over an {@link ImageCorpus} and counts, per image, misread (some decode gave another text),
 * decoded correctly (the evaluator says it scans: probability at least one half) or not decoded.
 */
public final class DecoderCheck {
    /** What one image gave. */
    public record ImageOutcome(Path image, ScanOutcome outcome, double scanProbability, boolean anyCapture,
                               String decoded) {
    }

    /**
     * @param atLeastOneCapture images decoded correctly under at least one capture (robust evaluators), or null
     */
    public record Tally(String evaluator, String version, int images, int correct, int misread, int notDecoded,
                        Integer atLeastOneCapture, double meanScanProbability, int unreadable, double seconds,
                        List<ImageOutcome> outcomes) {
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : Double.NaN;
        }
    }

    private DecoderCheck() {
    }

    public static Tally run(Evaluator evaluator, List<ImageCorpus.Entry> corpus) {
        List<ImageOutcome> outcomes = new ArrayList<>();
        int correct = 0;
        int misread = 0;
        int notDecoded = 0;
        int anyCapture = 0;
        int unreadable = 0;
        double probSum = 0;
        boolean robust = evaluator instanceof RobustScanEvaluator;
        long start = System.nanoTime();
        try (Evaluator.Worker worker = evaluator.newWorker()) {
            for (ImageCorpus.Entry e : corpus) {
                BufferedImage img;
                try {
                    img = CodeImages.read(e.image());
                } catch (IOException ex) {
                    unreadable++;
                    continue;
                }
                GeneratedCode code = new GeneratedCode(e.image().toString(), 0, e.image().toString(), null, Map.of());
                EvalResult r = worker.evaluate(new CodeWithPair(code, new PromptUrlPair(0, "", e.expected())), img, "check");
                double p = r.scanProb() == null ? 0 : r.scanProb();
                Map<String, Object> details = Json.readMap(r.details());
                boolean anyMisread = details.get("misreadCaptures") instanceof Number n ? n.intValue() > 0
                        : "misread".equals(details.get("outcome"));
                boolean any = details.get("decodedCaptures") instanceof Number n ? n.intValue() > 0 : p > 0;
                ScanOutcome o = anyMisread ? ScanOutcome.MISREAD : p >= 0.5 ? ScanOutcome.SCANNED : ScanOutcome.NOT_DECODED;
                switch (o) {
                    case SCANNED -> correct++;
                    case MISREAD -> misread++;
                    default -> notDecoded++;
                }
                if (any) {
                    anyCapture++;
                }
                probSum += p;
                outcomes.add(new ImageOutcome(e.image(), o, p, any, r.decoded()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = outcomes.size();
        return new Tally(evaluator.name(), evaluator.version(), n, correct, misread, notDecoded,
                robust ? anyCapture : null, n == 0 ? 0 : probSum / n, unreadable, seconds, outcomes);
    }
}
