package org.qartalign.eval;

import org.qartalign.stats.WilsonInterval;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code zxing-robust}: the probability that a phone capture opens the right URL, estimated as the share of a
 * fixed set of captures that ZXing decodes to exactly the code's URL. The set is the steady capture (the image
 * as given, decoded as {@link PlainScanEvaluator} does) plus the simulated captures of a {@link CaptureSet}.
 */
public final class RobustScanEvaluator extends ScanProbabilityEvaluator {
    public static final String NAME = "zxing-robust";
    /**
     * Bump with any change to how captures are rendered or decoded; the capture set's version is appended.
     * 2: the projection steps in float (about 1.2x faster rendering; 2 of 3,000 demo captures decode differently).
     */
    private static final String CODE_VERSION = "2";
    /** Simulated captures are rendered from the code downscaled to this multiple of their largest size. */
    private static final double SOURCE_OVERSAMPLING = 2.0;

    /** Phones decode frame after frame without trying hard on any; measured in docs/README-scan-eval.md. */
    public static final DecoderSettings CAPTURE_DECODER = new DecoderSettings(false, true, null);

    private final CaptureSet captureSet;
    private final DecoderSettings steadySettings;
    private final DecoderSettings captureSettings;
    private final PayloadMatch match;

    public RobustScanEvaluator() {
        this(CaptureSet.STANDARD, DecoderSettings.THOROUGH, CAPTURE_DECODER, PayloadMatch.EXACT);
    }

    public RobustScanEvaluator(CaptureSet captureSet, DecoderSettings steadySettings, DecoderSettings captureSettings,
                               PayloadMatch match) {
        super(NAME, CODE_VERSION + "+" + captureSet.version());
        this.captureSet = captureSet;
        this.steadySettings = steadySettings;
        this.captureSettings = captureSettings;
        this.match = match;
    }

    public CaptureSet captureSet() {
        return captureSet;
    }

    /** Steady capture plus simulated ones. */
    public int captureCount() {
        return 1 + captureSet.size();
    }

    @Override
    public CaptureWorker newWorker() {
        return new CaptureWorker();
    }

    /** Per-code tally over all captures. */
    public record Tally(int captures, int decoded, int misreads, boolean steadyDecoded, String steadyText,
                        Map<PerturbationKind, Integer> failedKinds, Map<String, Integer> misreadTexts) {
        public double probability() {
            return (double) decoded / captures;
        }
    }

    /** A worker that also gives the per-capture tally. */
    public final class CaptureWorker implements Worker {
        private final QrDecoder steady = new QrDecoder(steadySettings);
        private final QrDecoder perturbed = new QrDecoder(captureSettings);
        private final CaptureRenderer renderer = new CaptureRenderer();

        @Override
        public EvalResult evaluate(CodeWithPair code, BufferedImage image, String runId) {
            Tally t = tally(GrayImage.of(image), code.url());
            WilsonInterval ci = WilsonInterval.of(t.decoded(), t.captures(), 0.95);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("captureSet", captureSet.version());
            details.put("captures", t.captures());
            details.put("decodedCaptures", t.decoded());
            details.put("wilson95", List.of(ci.lower(), ci.upper()));
            details.put("steadyDecoded", t.steadyDecoded());
            details.put("misreadCaptures", t.misreads());
            Map<String, Integer> failed = new LinkedHashMap<>();
            t.failedKinds().forEach((k, v) -> failed.put(k.key(), v));
            details.put("failedKinds", failed);
            if (!t.misreadTexts().isEmpty()) {
                details.put("misreadTexts", t.misreadTexts());
            }
            String decoded = t.decoded() > 0 ? code.url() : mostFrequent(t.misreadTexts());
            return result(code, t.probability(), decoded, details, runId);
        }

        public Tally tally(GrayImage full, String expected) {
            String steadyText = steady.decode(full);
            ScanOutcome steadyOutcome = ScanOutcome.of(steadyText, expected, match);
            int decoded = steadyOutcome == ScanOutcome.SCANNED ? 1 : 0;
            int misreads = steadyOutcome == ScanOutcome.MISREAD ? 1 : 0;
            Map<String, Integer> misreadTexts = new HashMap<>();
            if (steadyOutcome == ScanOutcome.MISREAD) {
                misreadTexts.merge(steadyText, 1, Integer::sum);
            }
            Map<PerturbationKind, Integer> failed = new EnumMap<>(PerturbationKind.class);
            int largest = captureSet.captures().stream().mapToInt(Capture::codePx).max().orElse(1);
            int smallest = captureSet.captures().stream().mapToInt(Capture::codePx).min().orElse(1);
            GrayImage base = full.downscaledTo((int) Math.ceil(largest * SOURCE_OVERSAMPLING));
            List<GrayImage> pyramid = CaptureRenderer.pyramid(base, smallest);
            for (Capture c : captureSet.captures()) {
                String text = perturbed.decode(renderer.render(pyramid, c));
                ScanOutcome o = ScanOutcome.of(text, expected, match);
                if (o == ScanOutcome.SCANNED) {
                    decoded++;
                } else {
                    for (PerturbationKind k : c.kinds()) {
                        failed.merge(k, 1, Integer::sum);
                    }
                    if (o == ScanOutcome.MISREAD) {
                        misreads++;
                        misreadTexts.merge(text, 1, Integer::sum);
                    }
                }
            }
            return new Tally(captureCount(), decoded, misreads, steadyOutcome == ScanOutcome.SCANNED, steadyText,
                    failed, misreadTexts);
        }
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
