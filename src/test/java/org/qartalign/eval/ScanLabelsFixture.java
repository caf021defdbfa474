package org.qartalign.eval;

import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.Json;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A database for scan-model tests, without images: each code has a hidden scannability q; a plain scan eval says
 * 1 when q (plus noise) is above one half, a robust one decodes about 21 q of 21 captures (and is missing for every
 * seventh code), and two labelers scan each of the first {@code labeled} codes with probability q.
 */
public final class ScanLabelsFixture {
    private ScanLabelsFixture() {
    }

    public static Database create(Path file, int labeled, int unlabeled, long seed) {
        Database db = Database.open(file);
        Random random = new Random(seed);
        Labeler ann = new LabelerRepository(db).getOrCreate("ann", false);
        Labeler bob = new LabelerRepository(db).getOrCreate("bob", false);
        List<EvalResult> results = new ArrayList<>();
        List<Label> answers = new ArrayList<>();
        List<GeneratedCode> codes = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < labeled + unlabeled; i++) {
            String id = String.format("code-%03d", i);
            String sha = "sha-" + id;
            double q = random.nextDouble();
            codes.add(new GeneratedCode(id, 0, "images/" + id + ".png", sha, Map.of("strength", q)));
            boolean plain = q + random.nextGaussian() * 0.2 > 0.5;
            results.add(new EvalResult(id, "zxing-plain", "1", plain ? 1.0 : 0.0, null, null,
                    Json.write(Map.of("outcome", plain ? "scanned" : "not-decoded")), "r", t, sha));
            if (i % 7 != 3) {
                int decoded = (int) Math.max(0, Math.min(21, Math.round(21 * q + random.nextGaussian() * 3)));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("captures", 21);
                details.put("decodedCaptures", decoded);
                details.put("steadyDecoded", plain);
                details.put("wilson95", List.of(Math.max(0, decoded / 21.0 - 0.2), Math.min(1, decoded / 21.0 + 0.2)));
                if (decoded < 18) {
                    details.put("failedKinds", Map.of("defocus", (21 - decoded) / 2, "tilt", (21 - decoded) / 3));
                }
                results.add(new EvalResult(id, "zxing-robust", "1+c1", decoded / 21.0, null, null,
                        Json.write(details), "r", t, sha));
            }
            if (i < labeled) {
                for (Labeler who : List.of(ann, bob)) {
                    t = t.plusSeconds(3);
                    answers.add(answer(id, who.id(), random.nextDouble() < q, t));
                }
            }
        }
        store(db, codes, answers);
        new EvalResultRepository(db).save(results);
        return db;
    }

    /** Stores codes (each with its own prompt and URL) and answers in one transaction. */
    static void store(Database db, List<GeneratedCode> codes, List<Label> answers) {
        db.transaction(c -> {
            for (GeneratedCode code : codes) {
                long pair = new DatasetRepository(db).pairId("prompt " + code.id(), "https://example.org/" + code.id());
                new DatasetRepository(db).insertCode(new GeneratedCode(code.id(), pair, code.imagePath(),
                        code.sha256(), code.params()));
            }
            for (Label l : answers) {
                new LabelRepository(db).insert(l);
            }
            return null;
        });
    }

    public static Label answer(String codeId, long labelerId, boolean scanned, Instant at) {
        return new Label(UUID.randomUUID().toString(), codeId, labelerId, null, LabelKind.ANSWER, scanned, null, null,
                at, 1000L, at, "", null);
    }
}
