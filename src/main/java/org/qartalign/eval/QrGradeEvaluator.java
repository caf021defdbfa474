package org.qartalign.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code qr-grade}: a structural quality grade of the code after ISO/IEC 15415 and 18004 (see {@link QrGrader}).
 * Scan probability is the grade's continuous score through {@link QrGradeCalibration}; details hold every
 * parameter as a flat number (the overall grade as {@code grade}, 4 = A ... 0 = F). It decodes nothing, so {@code decoded} is
 * null: the grade measures how far the image is from the symbol its URL should show.
 */
public final class QrGradeEvaluator extends ScanProbabilityEvaluator {
    public static final String NAME = "qr-grade";
    public static final String VERSION = "1";

    private final PayloadMatch match;

    public QrGradeEvaluator() {
        this(PayloadMatch.EXACT);
    }

    public QrGradeEvaluator(PayloadMatch match) {
        super(NAME, VERSION);
        this.match = match;
    }

    @Override
    public Worker newWorker() {
        QrGrader grader = new QrGrader(match);
        return (code, image, runId) -> {
            QrGrade g = grader.grade(GrayImage.of(image), code.url());
            return result(code, QrGradeCalibration.scanProbability(g.score()), null, details(g), runId);
        };
    }

    static Map<String, Object> details(QrGrade g) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : g.parameters().entrySet()) {
            double v = e.getValue();
            d.put(e.getKey(), Double.isFinite(v) ? round(v) : null);
        }
        return d;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
