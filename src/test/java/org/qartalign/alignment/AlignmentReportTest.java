package org.qartalign.alignment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report over a small database built through the store repositories. The current labels (after corrections,
 * a retraction, a scan-only answer, a second chain by one labeler and a retest) are:
 * <pre>
 * code  alice  bob   sim(simulated)  majority  zx prob  aes score  human mean
 * a1    Y5     Y4    N3              Y         0.9      4.5        4
 * a2    N2     N1    N2              N         0.2      1.5        5/3
 * a3    Y4     N3    -               tie       0.7      3.0        3.5
 * a4    Y3     Y3    Y4              Y         0.4      3.6        10/3
 * b1    N2     Y2    N1              N         0.6      2.0        5/3
 * b2    Y4     Y5    -               Y         0.8      4.4        4.5
 * b3    N1     N-    N2              N         0.1      1.2        1.5
 * b4    Y3     -     Y4              Y         0.5      3.1        3.5
 * </pre>
 * Bob's b3 ({@code N-}) is a scan answer without a score: it counts for the scan figures only.
 */
class AlignmentReportTest {
    @TempDir
    Path dir;
    Database db;
    Instant clock = Instant.parse("2026-03-01T10:00:00Z");
    Labeler alice;
    Labeler bob;
    Labeler sim;
    LabelingSession aliceSession;
    LabelingSession bobSession;
    LabelingSession simSession;

    @BeforeEach
    void build() {
        db = Database.open(dir.resolve("labels.db"));
        db.transaction(c -> {
            long p1 = new DatasetRepository(db).pairId("a <script>alert(1)</script> cat", "https://example.org/a?x=1&y=2");
            long p2 = new DatasetRepository(db).pairId("=HYPERLINK(\"http://evil\")", "https://example.org/b");
            String[] ids = {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"};
            double[] strength = {0.8, 1.0, 1.2, 1.4, 0.8, 1.0, 1.2, 1.4};
            for (int i = 0; i < ids.length; i++) {
                new DatasetRepository(db).insertCode(new GeneratedCode(ids[i], i < 4 ? p1 : p2, "img/" + ids[i] + ".png",
                        "sha-" + ids[i], Map.of("strength", strength[i], "guidance_end", i % 2 == 0 ? 0.8 : 0.9)));
            }
            return null;
        });
        LabelerRepository labelers = new LabelerRepository(db);
        alice = labelers.getOrCreate("alice", false);
        bob = labelers.getOrCreate("bob", false);
        sim = labelers.getOrCreate("sim", true);
        aliceSession = labelers.startSession(alice.id(), "Pixel 7", "camera", 150, "t");
        bobSession = labelers.startSession(bob.id(), "iPhone 13", "camera", 150, "t");
        simSession = labelers.startSession(sim.id(), null, null, 150, "t");

        String first = answer(alice, aliceSession, "a1", false, 5, "", null);
        answer(alice, aliceSession, "a1", true, 5, "", first);
        answer(bob, bobSession, "a1", true, 4, "", null);
        answer(sim, simSession, "a1", false, 3, "", null);
        answer(alice, aliceSession, "a2", false, 2, "", null);
        answer(bob, bobSession, "a2", true, 5, "", null);
        answer(bob, bobSession, "a2", false, 1, "", null);
        answer(sim, simSession, "a2", false, 2, "", null);
        answer(alice, aliceSession, "a3", true, 4, "", null);
        answer(bob, bobSession, "a3", false, 3, "", null);
        answer(alice, aliceSession, "a4", true, 3, "", null);
        answer(bob, bobSession, "a4", true, 3, "", null);
        answer(sim, simSession, "a4", true, 4, "", null);
        answer(alice, aliceSession, "b1", false, 2, "", null);
        answer(bob, bobSession, "b1", true, 2, "", null);
        answer(sim, simSession, "b1", false, 1, "", null);
        answer(alice, aliceSession, "b2", true, 4, "", null);
        answer(bob, bobSession, "b2", true, 5, "", null);
        answer(alice, aliceSession, "b2", true, 5, "retest", null);
        answer(alice, aliceSession, "b3", false, 1, "", null);
        answer(bob, bobSession, "b3", false, null, "", null);
        answer(sim, simSession, "b3", false, 2, "", null);
        answer(alice, aliceSession, "b4", true, 3, "", null);
        String undone = answer(bob, bobSession, "b4", true, 2, "", null);
        append(new Label(UUID.randomUUID().toString(), "b4", bob.id(), bobSession.id(), LabelKind.RETRACT, null, null,
                null, tick(), null, tick(), "", undone));
        answer(sim, simSession, "b4", true, 4, "", null);

        String[] ids = {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"};
        double[] zx = {0.9, 0.2, 0.7, 0.4, 0.6, 0.8, 0.1, 0.5};
        double[] aes = {4.5, 1.5, 3.0, 3.6, 2.0, 4.4, 1.2, 3.1};
        List<EvalResult> results = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            results.add(new EvalResult(ids[i], "zx", "1", 0.0, null, null, null, "old", tick(), "sha-" + ids[i]));
        }
        for (int i = 0; i < ids.length; i++) {
            results.add(new EvalResult(ids[i], "zx", "2", zx[i], null, null, null, "r", tick(), "sha-" + ids[i]));
            results.add(new EvalResult(ids[i], "aes", "1", null, null, aes[i], null, "r", tick(), "sha-" + ids[i]));
        }
        new EvalResultRepository(db).save(results);
    }

    private Instant tick() {
        clock = clock.plusSeconds(7);
        return clock;
    }

    private String answer(Labeler who, LabelingSession s, String code, boolean scanned, Integer aesthetic, String flags,
                          String supersedes) {
        String uuid = UUID.randomUUID().toString();
        Instant shown = tick();
        append(new Label(uuid, code, who.id(), s.id(), LabelKind.ANSWER, scanned, null, aesthetic, shown,
                2000L, tick(), flags, supersedes));
        return uuid;
    }

    private void append(Label l) {
        new LabelRepository(db).append(l);
    }

    private AlignmentReport report(boolean excludeSimulated) {
        return Alignment.report(db, new ReportOptions(200, 3, 0.5, 0.95, List.of(), "aes", excludeSimulated));
    }

    @Test
    void datasetCountsFollowLabelHeads() {
        AlignmentReport.Dataset d = report(false).dataset();
        assertEquals(2, d.pairs());
        assertEquals(8, d.codes());
        assertEquals(8, d.labeledCodes());
        assertEquals(21, d.labels(), "corrections, a retraction and a retest do not count; bob's scan-only answer on "
                + "b3 does, for the scan figures (issue 15: a label may have only one of the two answers)");
        assertEquals(1, d.retestLabels());
        assertEquals(3, d.labelers());
        assertEquals(1, d.simulatedLabelers());
        assertEquals(List.of("aes", "zx"), d.evaluators());
    }

    /**
     * Scan figures against sklearn 1.2.1 on the majority truth (a3 is a tie and left out):
     * <pre>
     * y=[1,0,1,0,1,0,1]; p=[0.9,0.2,0.4,0.6,0.8,0.1,0.5]; pred=[1 if q>=0.5 else 0 for q in p]
     * cohen_kappa_score 0.41666666666666663  roc_auc_score 0.8333333333333334
     * brier_score_loss 0.15285714285714286   matthews_corrcoef 0.4166666666666667
     * </pre>
     * Only zx's latest version (2) counts.
     */
    @Test
    void scanEvaluatorAgainstSklearn() {
        AlignmentReport r = report(false);
        assertEquals(1, r.scan().human().ties());
        assertEquals(4.0 / 7, r.scan().human().scanRate().value(), 1e-12);
        AlignmentReport.ScanEvaluator zx = r.scan().evaluators().get("zx");
        assertEquals(7, zx.n());
        assertEquals(new AlignmentReport.Counts(3, 1, 2, 1), zx.confusion());
        assertEquals(0.41666666666666663, zx.cohenKappa().value(), 1e-12);
        assertEquals(0.8333333333333334, zx.rocAuc().value(), 1e-12);
        assertEquals(0.15285714285714286, zx.brier().value(), 1e-12);
        assertEquals(0.4166666666666667, zx.mcc().value(), 1e-12);
        assertTrue(zx.cohenKappa().lo() <= zx.cohenKappa().value() && zx.cohenKappa().value() <= zx.cohenKappa().hi());
        assertTrue(zx.accuracy().wilson() != null);
        assertFalse(r.scan().evaluators().containsKey("aes"), "aes gives no scan probability");
    }

    @Test
    void confusionAtAnotherThresholdIsCheapAndConsistent() {
        AlignmentEngine engine = Alignment.engine(db, new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false));
        assertEquals(new Confusion(3, 1, 2, 1), engine.confusionAt("zx", 0.5));
        assertEquals(new Confusion(2, 0, 3, 2), engine.confusionAt("zx", 0.75));
        AlignmentEngine higher = Alignment.engine(db, new ReportOptions(0, 1, 0.75, 0.95, List.of(), null, false));
        AlignmentReport.Counts c = higher.report().scan().evaluators().get("zx").confusion();
        assertEquals(new AlignmentReport.Counts(2, 0, 3, 2), c);
    }

    /**
     * The gallery's verdicts (from the report's per-code figures) are the report's confusion matrix. By hand from the
     * table above at 0.5: b1 (N, 0.6) is the false pass, a4 (Y, 0.4) the false fail, b4 (Y, 0.5 = threshold)
     * passes and agrees, a3 (a tie) has no verdict; at 0.75 b4 (Y, 0.5) becomes a second false fail.
     */
    @Test
    void galleryVerdictsAreTheReportsConfusionMatrix() {
        AlignmentEngine engine = Alignment.engine(db, new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false));
        AlignmentReport r = engine.report();
        int zx = r.dataset().evaluators().indexOf("zx");
        Map<String, ScanVerdict> at05 = new java.util.TreeMap<>();
        Map<String, ScanVerdict> at075 = new java.util.TreeMap<>();
        for (AlignmentReport.CodeFigures c : r.codes()) {
            at05.put(c.codeId(), ScanVerdict.of(c.scanProb()[zx], c.humanScan(), 0.5));
            at075.put(c.codeId(), ScanVerdict.of(c.scanProb()[zx], c.humanScan(), 0.75));
        }
        assertEquals(ScanVerdict.FALSE_PASS, at05.get("b1"));
        assertEquals(ScanVerdict.FALSE_FAIL, at05.get("a4"));
        assertEquals(ScanVerdict.AGREEMENT, at05.get("b4"));
        assertEquals(ScanVerdict.NO_VERDICT, at05.get("a3"));
        assertEquals(List.of("a4", "b4"), at075.entrySet().stream()
                .filter(e -> e.getValue() == ScanVerdict.FALSE_FAIL).map(Map.Entry::getKey).toList());
        for (double t : new double[] {0.1, 0.4, 0.5, 0.6, 0.75, 0.9}) {
            Confusion c = engine.confusionAt("zx", t);
            long fp = r.codes().stream().filter(f -> ScanVerdict.of(f.scanProb()[zx], f.humanScan(), t)
                    == ScanVerdict.FALSE_PASS).count();
            long ff = r.codes().stream().filter(f -> ScanVerdict.of(f.scanProb()[zx], f.humanScan(), t)
                    == ScanVerdict.FALSE_FAIL).count();
            assertEquals(c.fp(), fp, "false passes at " + t);
            assertEquals(c.fn(), ff, "false fails at " + t);
        }
    }

    /**
     * Aesthetic against scipy 1.10.1 on the human means:
     * <pre>
     * e=[4.5,1.5,3.0,3.6,2.0,4.4,1.2,3.1]; h=[4,5/3,3.5,10/3,5/3,4.5,1.5,3.5]
     * spearmanr 0.8916309815169778  kendalltau 0.7412493166611012  pearsonr 0.955927035770636
     * </pre>
     */
    @Test
    void aestheticEvaluatorAgainstScipy() {
        AlignmentReport.AestheticEvaluator a = report(false).aesthetic().evaluators().get("aes");
        assertEquals(8, a.n());
        assertEquals(0.8916309815169778, a.spearman().value(), 1e-12);
        assertEquals(0.7412493166611012, a.kendallTauB().value(), 1e-12);
        assertEquals(0.955927035770636, a.pearson().value(), 1e-12);
        assertEquals(3, a.perLabeler().size());
    }

    @Test
    void excludingSimulatedLabelersChangesTheMajority() {
        AlignmentReport r = report(true);
        assertEquals(15, r.dataset().labels(), "bob's scan-only answer on b3 included");
        assertEquals(6, r.dataset().simulatedLabelsExcluded());
        assertEquals(2, r.scan().human().ties(), "a3 and b1 are ties without sim");
        assertEquals(2, r.labelers().size());
    }

    @Test
    void bestOfNWithOneCandidateIsTheRandomPick() {
        List<AlignmentReport.BestOfNPoint> zx = report(false).bestOfN().evaluators().get("zx");
        assertEquals(1, zx.get(0).n());
        assertEquals(zx.get(0).randomPick().value(), zx.get(0).evalPick().value(), 1e-12);
        // Pair a: a1 (0.9, Y), a2 (0.2, N), a4 (0.4, Y); pair b: b1 (0.6, N), b2 (0.8, Y), b3 (0.1, N), b4 (0.5, Y).
        // At N = 3 pair a always yields a1 (1). Pair b ranked by passing, then aes score: b2, b4, b1, b3; every
        // 3-subset holds b2 or b4, both scan (1).
        AlignmentReport.BestOfNPoint three = zx.get(2);
        assertEquals(2, three.pairs());
        assertEquals(1.0, three.evalPick().value(), 1e-12);
        assertEquals(1.0, three.oracle().value(), 1e-12);
        // Without --aesthetic, ranking by scan probability alone: b2, b1, b4, b3; b2 is in 3 of 4 subsets (1),
        // else {b1,b3,b4} picks b1 (0): pair b gives 0.75.
        List<AlignmentReport.BestOfNPoint> plain = Alignment.report(db,
                new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false)).bestOfN().evaluators().get("zx");
        assertEquals((1 + 0.75) / 2, plain.get(2).evalPick().value(), 1e-12);
        assertEquals((2.0 / 3 + 2.0 / 4) / 2, plain.get(2).randomPick().value(), 1e-12);
    }

    @Test
    void labelersAndSlices() {
        AlignmentReport r = report(false);
        AlignmentReport.LabelerFigures a = r.labelers().stream().filter(l -> l.name().equals("alice")).findFirst().orElseThrow();
        assertEquals(8, a.labels());
        assertEquals(5.0 / 8, a.scanRate().value(), 1e-12);
        assertEquals(2.0, a.medianSecondsPerCode(), 1e-12);
        assertEquals(List.of("Pixel 7"), a.phoneModels());
        // Alice against the others' majority where it is not a tie (a2 a3 a4 b2 b3 b4) and against their mean score:
        // cohen_kappa_score([0,1,1,1,0,1],[0,0,1,1,0,1]) = 0.6666666666666667
        // spearmanr([5,2,4,3,2,4,1,3],[3.5,1.5,3,3.5,1.5,5,2,4]).correlation = 0.6564540716671433
        assertEquals(0.6666666666666667, a.leaveOneOutKappa().value(), 1e-12);
        assertEquals(0.6564540716671433, a.leaveOneOutSpearman().value(), 1e-12);
        AlignmentReport.TestRetest retest = r.scan().human().testRetest();
        assertEquals(1, retest.pairs());
        assertEquals(1.0, retest.scanAgreement().value(), 1e-12);
        assertNull(retest.scoreSpearman().value(), "one retest pair: Spearman undefined");
        AlignmentReport.Grid g = r.slices().grid();
        assertEquals("strength", g.x());
        assertEquals("guidance_end", g.y());
        // strength 0.8 x guidance_end 0.8 holds a1 (Y) and b1 (N): human scan rate 1/2, zx passes both.
        AlignmentReport.Slice cell = g.cells().get(0).get(0);
        assertEquals(2, cell.n());
        assertEquals(0.5, cell.humanScanRate().value(), 1e-12);
        assertEquals(1.0, cell.evaluators().get("zx").evalScanRate().value(), 1e-12);
        // sklearn: cohen_kappa_score([1,0],[1,1]) = 0.0
        assertEquals(0.0, cell.evaluators().get("zx").cohenKappa().value(), 1e-12);
        // strength 1.0 x guidance_end 0.8 is empty: no data, null with a note.
        AlignmentReport.Slice empty = g.cells().get(1).get(0);
        assertEquals(0, empty.n());
        assertNull(empty.humanScanRate().value());
        assertTrue(empty.humanScanRate().note() != null);
        AlignmentReport.Slice iphone = r.slices().phoneModel().stream().filter(s -> s.label().equals("iPhone 13"))
                .findFirst().orElseThrow();
        assertEquals(7, iphone.n(), "bob's six complete current labels and his scan-only one");
    }

    /**
     * Threshold advice, ceilings and drift against sklearn/scipy/numpy on the labels of the class comment, computed
     * independently of our code by {@code src/test/python/report_expected.py} (run with /usr/bin/python3).
     */
    @Test
    void thresholdAdviceCeilingsAndDriftMatchTheIndependentComputation() {
        AlignmentReport r = report(false);
        AlignmentReport.ThresholdAdvice advice = r.scan().evaluators().get("zx").thresholdAdvice();
        assertEquals(0.4, advice.maxKappa().threshold(), 1e-12);
        assertEquals(0.6956521739130435, advice.maxKappa().cohenKappa(), 1e-12);
        assertEquals(0.4, advice.youdenJ().threshold(), 1e-12);
        assertEquals(0.6666666666666667, advice.youdenJ().youdenJ(), 1e-12);
        assertEquals(0.8, advice.precision95().threshold(), 1e-12);
        assertEquals(1.0, advice.precision95().precision(), 1e-12);
        assertEquals(0.5, advice.precision95().recall(), 1e-12);

        // Typical labeler = mean of alice 0.6667, bob 0.3333, sim 0.6154 leave-one-out kappas; bob's scan-only b3
        // adds the pair (N, N): sklearn cohen_kappa_score([0,0,1,1,1,0], [0,1,1,0,1,0]) = 0.33333333333333337
        // (without it, [0,0,1,1,1] vs [0,1,1,0,1] gives 0.1667 and the mean 0.48290598290598297).
        assertEquals(0.5384615384615384, r.scan().interRater().typicalLabelerKappa().value(), 1e-12);
        AlignmentReport.Ceiling scan = r.scan().evaluators().get("zx").ceiling();
        assertEquals(0.5384615384615384, scan.human(), 1e-12);
        assertEquals(0.41666666666666663 / 0.5384615384615384, scan.ratio(), 1e-12);
        AlignmentReport.Ceiling aes = r.aesthetic().evaluators().get("aes").ceiling();
        assertEquals(0.7050150224334978, aes.human(), 1e-12);
        assertEquals(1.2646978477697375, aes.ratio(), 1e-12);

        AlignmentReport.Drift alice = labeler(r, "alice").scoreDrift();
        assertEquals(-23.809523809523835, alice.slopePer100Codes(), 1e-9);
        assertEquals(-0.41218934822354114, alice.spearman().value(), 1e-12);
        AlignmentReport.Drift bob = labeler(r, "bob").scoreDrift();
        assertEquals(22.85714285714286, bob.slopePer100Codes(), 1e-9);
        assertEquals(0.23190841426097938, bob.spearman().value(), 1e-12);
    }

    private static AlignmentReport.LabelerFigures labeler(AlignmentReport r, String name) {
        return r.labelers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Toast cell strength 1.2 x guidance_end 0.8 holds a3 (a tie) and b3 (nobody scanned): the human rate 0 is over
     * one code, the tie apart. scipy: binomtest(0, 1).proportion_ci(method='wilson') = (0.0, 0.7934506856227626),
     * whereas n = 2 would give (0.0, 0.6576197724933469).
     */
    @Test
    void toastCellsGiveTheNTheirRateIsOverAndTiesApart() {
        AlignmentEngine engine = Alignment.engine(db, new ReportOptions(200, 3, 0.5, 0.95, List.of(), null, false));
        ParameterGrid.Cell cell = engine.grid("strength", "guidance_end").cells().get(2).get(0);
        assertEquals(List.of("a3", "b3"), cell.codeIds());
        assertEquals(2, cell.n());
        assertEquals(1, cell.humanMajority());
        assertEquals(1, cell.ties());
        assertEquals(0.0, cell.humanScanRate(), 1e-12);
        assertEquals(2, cell.evalScored().get("zx"));
        assertEquals(0.5, cell.evalScanRate().get("zx"), 1e-12);

        AlignmentReport.Slice slice = engine.report().slices().grid().cells().get(2).get(0);
        assertEquals(2, slice.n());
        assertEquals(1, slice.humanScanN());
        assertEquals(1, slice.ties());
        assertEquals(0.7934506856227626, slice.humanScanRate().wilson().hi(), 1e-9);
    }

    /** zx at 0.5: tp 3, fp 1, tn 2, fn 1, so of the three codes people could not scan it passes one (b1). */
    @Test
    void falsePassRateIsTheShareOfUnscannableCodesThatPass() {
        AlignmentReport.ScanEvaluator zx = report(false).scan().evaluators().get("zx");
        assertEquals(1.0 / 3, zx.falsePassRate().value(), 1e-12);
        // scipy: binomtest(1, 3).proportion_ci(method='wilson') = (0.06149194472039626, 0.7923403991979523)
        assertEquals(0.06149194472039626, zx.falsePassRate().wilson().lo(), 1e-9);
        AlignmentEngine engine = Alignment.engine(db, new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false));
        assertEquals(0.0, engine.confusionAt("zx", 0.75).falsePassRate(), 1e-12);
    }

    /**
     * Gaps |p - share who scanned|, by hand: a4 |0.4-1| = 0.6, b4 0.5, b1 |0.6-1/3| = 0.267, a1 |0.9-2/3| = 0.233,
     * a2 0.2, a3 and b2 0.2 (0.19999999999999996 in doubles), b3 0.1.
     */
    @Test
    void worstFirstIsOneOrderForTheReportAndTheApp() {
        AlignmentReport r = report(false);
        List<String> expected = List.of("a4", "b4", "b1", "a1", "a2", "a3", "b2", "b3");
        assertEquals(expected, r.disagreements().scan().get("zx").stream().map(AlignmentReport.Disagreement::codeId).toList());
        int zx = r.dataset().evaluators().indexOf("zx");
        assertEquals(expected, r.codes().stream().sorted(WorstFirst.scanCodes(zx))
                .map(AlignmentReport.CodeFigures::codeId).toList());
    }

    @Test
    void htmlWarnsAboutSimulatedLabelsAndDrawsTheToastPlotLikeTheApp() {
        String html = ReportHtmlWriter.write(report(false));
        assertTrue(html.contains("id=\"simulated-banner\"") && html.contains("6 of 21 labels"), "sim's six labels");
        assertTrue(html.indexOf("simulated-banner") < html.indexOf("<h2>Dataset"), "the banner comes first");
        assertFalse(ReportHtmlWriter.write(report(true)).contains("simulated-banner"));
        assertTrue(html.contains("rows: strength, columns: guidance_end"));
        assertTrue(html.contains("People: mean aesthetic (1-5)") && html.contains(">2.83<"),
                "cell strength 0.8 x guidance_end 0.8 on the 1-5 scale: (4 + 5/3) / 2");
        assertTrue(html.contains("n=1, 1 tie"), "cell strength 1.2 x guidance_end 0.8: b3 and the tie a3");
        String scanTable = html.substring(html.indexOf("<h3>scan: zx</h3>"));
        scanTable = scanTable.substring(0, scanTable.indexOf("</tr>"));
        assertTrue(scanTable.contains("<th>eval scan prob</th>") && !scanTable.contains("eval aesthetic"), scanTable);
        String aesTable = html.substring(html.indexOf("<h3>aesthetic: aes</h3>"));
        aesTable = aesTable.substring(0, aesTable.indexOf("</tr>"));
        assertTrue(aesTable.contains("<th>eval aesthetic</th>") && !aesTable.contains("eval scan prob"), aesTable);
    }

    @Test
    void writersEscapeAndNeverEmitNaN() {
        AlignmentReport r = report(false);
        String json = ReportJsonWriter.write(r);
        assertFalse(json.contains("NaN") || json.contains("Infinity"));
        for (String key : List.of("\"percent_agreement\"", "\"krippendorff_alpha_nominal\"", "\"fleiss_kappa\"",
                "\"gwet_ac1\"", "\"cohen_kappa\"", "\"mcc\"", "\"roc_auc\"", "\"brier\"", "\"ece\"", "\"spearman\"",
                "\"kendall_tau_b\"", "\"pearson\"", "\"krippendorff_alpha_interval\"", "\"krippendorff_alpha_ordinal\"",
                "\"best_of_n\"", "\"disagreements\"", "\"inter_rater\"", "\"threshold_advice\"", "\"precision_95\"")) {
            assertTrue(json.contains(key), key);
        }
        String html = ReportHtmlWriter.write(r);
        assertFalse(html.contains("<script>"), "prompts are escaped");
        assertTrue(html.contains("&lt;script&gt;"));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing loads from the network");
        String csv = ReportCsvWriter.write(r);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv);
        assertEquals(9, csv.split("\r\n").length);
    }

    @Test
    void aestheticRankingNeedsAestheticScores() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Alignment.report(db,
                new ReportOptions(0, 1, 0.5, 0.95, List.of(), "zx", false)));
        assertTrue(e.getMessage().contains("--aesthetic zx"), e.getMessage());
        AlignmentReport onlyZx = Alignment.report(db, new ReportOptions(0, 1, 0.5, 0.95, List.of("zx"), "aes", false));
        assertEquals(List.of("zx", "aes"), onlyZx.dataset().evaluators(), "the ranking evaluator is loaded too");
    }

    @Test
    void unknownEvaluatorIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Alignment.report(db,
                new ReportOptions(0, 1, 0.5, 0.95, List.of("nope"), null, false)));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("zx"), e.getMessage());
    }
}
