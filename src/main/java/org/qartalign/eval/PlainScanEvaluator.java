package org.qartalign.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code zxing-plain}: one ZXing decode of the clean image, the single-pass baseline. Scan probability is 1 when
 * the text read is exactly the code's URL and 0 otherwise; a wrong payload is a failure, recorded as a misread.
 */
public final class PlainScanEvaluator extends ScanProbabilityEvaluator {
    public static final String NAME = "zxing-plain";
    public static final String VERSION = "1";

    private final DecoderSettings settings;
    private final PayloadMatch match;

    public PlainScanEvaluator() {
        this(DecoderSettings.THOROUGH, PayloadMatch.EXACT);
    }

    public PlainScanEvaluator(DecoderSettings settings, PayloadMatch match) {
        super(NAME, VERSION);
        this.settings = settings;
        this.match = match;
    }

    @Override
    public Worker newWorker() {
        QrDecoder decoder = new QrDecoder(settings);
        return (code, image, runId) -> {
            String text = decoder.decode(GrayImage.of(image));
            ScanOutcome outcome = ScanOutcome.of(text, code.url(), match);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("outcome", outcome.key());
            return result(code, outcome == ScanOutcome.SCANNED ? 1.0 : 0.0, text, details, runId);
        };
    }
}
