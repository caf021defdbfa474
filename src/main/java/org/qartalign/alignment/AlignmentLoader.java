package org.qartalign.alignment;

import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link AlignmentInput} from a database through the store repositories. */
public final class AlignmentLoader {
    public static final String RETEST_FLAG = "retest";

    private AlignmentLoader() {
    }

    /**
     * Current labels are label heads of kind ANSWER with both scan and aesthetic given; a labeler with several
     * heads for one code counts once, by the latest. Labels flagged {@code retest} go to the retest list.
     *
     * @param evaluators names to keep (empty = every evaluator with results)
     */
    /** The structural grade's evaluator name (org.qartalign.eval.QrGradeEvaluator.NAME; alignment does not use eval). */
    static final String QR_GRADE = "qr-grade";

    public static AlignmentInput load(Database db, boolean excludeSimulated, List<String> evaluators) {
        List<CodeWithPair> codes = new DatasetRepository(db).codes();
        List<Label> heads = new LabelRepository(db).heads();
        LabelerRepository labelerRepo = new LabelerRepository(db);
        List<Labeler> labelers = labelerRepo.all();
        Map<Long, LabelingSession> sessions = new HashMap<>();
        for (LabelingSession s : labelerRepo.sessions()) {
            sessions.put(s.id(), s);
        }
        List<EvalResult> results = new EvalResultRepository(db).latest();

        TreeSet<String> available = new TreeSet<>();
        for (EvalResult r : results) {
            available.add(r.evaluator());
        }
        List<String> names = new ArrayList<>();
        if (evaluators == null || evaluators.isEmpty()) {
            names.addAll(available);
        } else {
            for (String e : evaluators) {
                if (!available.contains(e)) {
                    throw new IllegalArgumentException("--evaluator " + e + ": no results for this evaluator in "
                            + db.file() + " (available: " + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
                }
                if (!names.contains(e)) {
                    names.add(e);
                }
            }
        }
        Map<String, Integer> evalIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            evalIndex.put(names.get(i), i);
        }

        Map<Long, Integer> labelerIndex = new HashMap<>();
        List<AlignmentInput.LabelerRow> labelerRows = new ArrayList<>();
        for (Labeler l : labelers) {
            if (excludeSimulated && l.simulated()) {
                continue;
            }
            labelerIndex.put(l.id(), labelerRows.size());
            labelerRows.add(new AlignmentInput.LabelerRow(l.name(), l.simulated()));
        }

        Map<String, Map<Integer, Label>> current = new HashMap<>();
        Map<String, Map<Integer, Label>> retest = new HashMap<>();
        int excluded = 0;
        for (Label l : heads) {
            // A label with only a scan answer or only a score counts for that target (folder imports give such labels).
            if (l.kind() != LabelKind.ANSWER || l.scanned() == null && l.aesthetic() == null) {
                continue;
            }
            Integer li = labelerIndex.get(l.labelerId());
            if (li == null) {
                excluded++;
                continue;
            }
            Map<String, Map<Integer, Label>> target = l.hasFlag(RETEST_FLAG) ? retest : current;
            target.computeIfAbsent(l.codeId(), k -> new TreeMap<>()).merge(li, l, AlignmentLoader::later);
        }

        Map<String, double[][]> evals = new HashMap<>();
        for (EvalResult r : results) {
            Integer ei = evalIndex.get(r.evaluator());
            if (ei == null) {
                continue;
            }
            double[][] v = evals.computeIfAbsent(r.codeId(), k -> newNaN(names.size()));
            if (r.scanProb() != null) {
                v[0][ei] = r.scanProb();
            }
            if (r.aesthetic() != null) {
                v[1][ei] = r.aesthetic();
            }
        }

        List<AlignmentInput.CodeRow> rows = new ArrayList<>(codes.size());
        TreeSet<Long> pairs = new TreeSet<>();
        for (CodeWithPair c : codes) {
            pairs.add(c.code().pairId());
            Map<String, Double> params = new LinkedHashMap<>();
            for (String k : c.code().params().keySet()) {
                Double v = c.code().numericParam(k);
                if (v != null && Double.isFinite(v)) {
                    params.put(k, v);
                }
            }
            double[][] v = evals.getOrDefault(c.id(), newNaN(names.size()));
            rows.add(new AlignmentInput.CodeRow(c.id(), c.code().pairId(), c.code().imagePath(), c.pair().prompt(),
                    c.url(), params, human(current.get(c.id()), sessions), human(retest.get(c.id()), sessions),
                    v[0], v[1]));
        }
        return new AlignmentInput(rows, labelerRows, names, pairs.size(), !excludeSimulated, excluded,
                qrGrades(results, names));
    }

    /** qr-grade's numeric details by code id (its report part), when qr-grade is among the kept evaluators. */
    private static Map<String, Map<String, Double>> qrGrades(List<EvalResult> results, List<String> names) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        if (!names.contains(QR_GRADE)) {
            return out;
        }
        for (EvalResult r : results) {
            if (QR_GRADE.equals(r.evaluator()) && r.details() != null) {
                Map<String, Double> numbers = new LinkedHashMap<>();
                Json.readMap(r.details()).forEach((k, v) -> {
                    if (v instanceof Number num) {
                        numbers.put(k, num.doubleValue());
                    }
                });
                out.put(r.codeId(), numbers);
            }
        }
        return out;
    }

    private static Label later(Label a, Label b) {
        Instant ta = a.submittedAt() == null ? Instant.MIN : a.submittedAt();
        Instant tb = b.submittedAt() == null ? Instant.MIN : b.submittedAt();
        return tb.isBefore(ta) ? a : b;
    }

    private static double[][] newNaN(int n) {
        double[][] v = new double[2][n];
        Arrays.fill(v[0], Double.NaN);
        Arrays.fill(v[1], Double.NaN);
        return v;
    }

    private static List<AlignmentInput.HumanLabel> human(Map<Integer, Label> byLabeler, Map<Long, LabelingSession> sessions) {
        if (byLabeler == null) {
            return List.of();
        }
        List<AlignmentInput.HumanLabel> out = new ArrayList<>(byLabeler.size());
        for (Map.Entry<Integer, Label> e : byLabeler.entrySet()) {
            Label l = e.getValue();
            LabelingSession s = l.sessionId() == null ? null : sessions.get(l.sessionId());
            out.add(new AlignmentInput.HumanLabel(e.getKey(), l.scanned(), l.aesthetic(),
                    l.scanMillis() == null ? Double.NaN : l.scanMillis() / 1000.0,
                    s == null ? null : s.phoneModel(), l.sessionId(), l.submittedAt()));
        }
        return out;
    }
}
