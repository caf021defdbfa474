package org.qartalign.eval;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.store.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scan evaluator's stored results spread over a generation parameter (the demo's {@code strength}):
 * per bin, the mean scan probability, the share strictly between 0 and 1, and the misreads.
 */
public final class ScanDiscrimination {
    /**
     * @param misreads results whose decoder read a text other than the code's URL (never counted as scans)
     */
    public record Bin(double from, double to, int codes, double meanScanProbability, double shareBetween,
                      int misreads) {
    }

    private ScanDiscrimination() {
    }

    public static List<Bin> byParam(List<CodeWithPair> codes, List<EvalResult> results, String evaluator,
                                    String version, String param, double[] edges) {
        Map<String, CodeWithPair> byId = new HashMap<>();
        codes.forEach(c -> byId.put(c.id(), c));
        int bins = edges.length - 1;
        int[] n = new int[bins];
        int[] between = new int[bins];
        int[] misreads = new int[bins];
        double[] sum = new double[bins];
        for (EvalResult r : results) {
            CodeWithPair c = byId.get(r.codeId());
            if (c == null || !r.evaluator().equals(evaluator) || !r.version().equals(version) || r.scanProb() == null) {
                continue;
            }
            Double v = c.code().numericParam(param);
            int b = v == null ? -1 : bin(edges, v);
            if (b < 0) {
                continue;
            }
            n[b]++;
            sum[b] += r.scanProb();
            between[b] += r.scanProb() > 0 && r.scanProb() < 1 ? 1 : 0;
            Map<String, Object> d = Json.readMap(r.details());
            boolean misread = d.get("misreadCaptures") instanceof Number m ? m.intValue() > 0
                    : "misread".equals(d.get("outcome"));
            misreads[b] += misread ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin(edges[b], edges[b + 1], n[b], n[b] == 0 ? Double.NaN : sum[b] / n[b],
                    n[b] == 0 ? Double.NaN : (double) between[b] / n[b], misreads[b]));
        }
        return out;
    }

    private static int bin(double[] edges, double v) {
        for (int b = 0; b < edges.length - 1; b++) {
            if (v >= edges[b] && (v < edges[b + 1] || b == edges.length - 2 && v <= edges[b + 1])) {
                return b;
            }
        }
        return -1;
    }
}
