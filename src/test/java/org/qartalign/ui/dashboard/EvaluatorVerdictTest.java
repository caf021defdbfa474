package org.qartalign.ui.dashboard;

import org.junit.jupiter.api.Test;
import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Overview card's colour rule on hand-made figures. Wilson 95% intervals below are computed independently with
 * scipy ({@code norm.ppf(0.975)} and the Wilson score formula in /usr/bin/python3): 0 of 170 -> [0, 0.022097],
 * 12 of 170 -> [0.040837, 0.119317], 0 of 20 -> [0, 0.161125], 60 of 170 -> [0.285078, 0.427304].
 */
class EvaluatorVerdictTest {
    /** A typical labeler's kappa against the others, as on the 80-pair demo of the last screenshots. */
    private static final Estimate CEILING = new Estimate(0.671, 0.527, 0.788, null, null);
    private static final Estimate PEOPLE_SCAN = new Estimate(0.248, 0.196, 0.307, null, null);

    private static AlignmentReport.ScanEvaluator eval(Estimate kappa, long fp, long tn, Estimate.Interval wilson,
                                                      Estimate evalScanRate) {
        double rate = (double) fp / (fp + tn);
        // The bootstrap interval of a zero count is [0, 0]: the rule must not take it for certainty.
        Estimate fpr = new Estimate(rate, fp == 0 ? 0.0 : rate * 0.8, fp == 0 ? 0.0 : rate * 1.2, wilson, null);
        return new AlignmentReport.ScanEvaluator(400, new AlignmentReport.Counts(50, fp, tn, 60), null, null, null,
                null, null, kappa, null, null, null, null, evalScanRate, PEOPLE_SCAN, fpr, List.of(), List.of(), null,
                null);
    }

    private static Estimate kappa(double v, double lo, double hi) {
        return new Estimate(v, lo, hi, null, null);
    }

    @Test
    void aStrictEvalWithNoFalsePassesIsGreenAndAHigherKappaEvalWithSomeIsAmberAndEachCardShowsWhy() {
        // The case of the last screenshots: both overlap the ceiling; the stricter eval's kappa is lower.
        EvaluatorVerdict strict = EvaluatorVerdict.scan(eval(kappa(0.55, 0.40, 0.68), 0, 170,
                new Estimate.Interval(0, 0.022097), new Estimate(0.066, 0.036, 0.097, null, null)), CEILING);
        EvaluatorVerdict learned = EvaluatorVerdict.scan(eval(kappa(0.70, 0.60, 0.80), 12, 158,
                new Estimate.Interval(0.040837, 0.119317), PEOPLE_SCAN), CEILING);
        assertEquals("closeness-good", strict.style());
        assertEquals("closeness-fair", learned.style());
        // The colour follows the second headline, shown as large as the first.
        assertEquals("false passes 0.0% [0.0, 2.2]", strict.falsePasses());
        assertEquals("false passes 7.1% [4.1, 11.9]", learned.falsePasses());
        assertEquals("Good: agrees with the people's majority as well as a typical labeler does, with few false "
                + "passes (at most 2.2% of the codes people could not scan).", strict.verdict());
        assertEquals("Fair: agrees with the people's majority as well as a typical labeler does, but 7.1% of the "
                + "codes people could not scan pass (few is 5.0% or less).", learned.verdict());
        // Green is not praise for rejecting everything: the card says it fails codes people could scan.
        assertTrue(strict.lines().contains("Stricter than people: passes 6.6% [3.6, 9.7] of codes, people scanned "
                + "24.8% [19.6, 30.7], so it also fails codes they could scan."), strict.lines().toString());
        assertTrue(learned.lines().contains("Pass rate as people's: passes 24.8% [19.6, 30.7] of codes, people "
                + "scanned 24.8% [19.6, 30.7]."), learned.lines().toString());
    }

    @Test
    void noFalsePassesAmongTooFewUnscannableCodesIsNotCalledFew() {
        EvaluatorVerdict v = EvaluatorVerdict.scan(eval(kappa(0.70, 0.60, 0.80), 0, 20,
                new Estimate.Interval(0, 0.161125), PEOPLE_SCAN), CEILING);
        assertEquals("closeness-fair", v.style(), "0 of 20 may still be 16% false passes");
        assertEquals("Fair: agrees with the people's majority as well as a typical labeler does, but too few codes "
                + "people could not scan (20) to show few false passes: it may pass up to 16.1% of them.", v.verdict());
        assertEquals("False passes: 0 of the 20 codes people could not scan pass this eval, 0.0% [0.0, 16.1] "
                + "(Wilson 95%); up to 5% at the upper end counts as few, over 20% as many.", v.lines().get(1));
    }

    @Test
    void agreementBelowTheCeilingIsRedEvenWithoutFalsePasses() {
        EvaluatorVerdict v = EvaluatorVerdict.scan(eval(kappa(0.354, 0.286, 0.424), 0, 170,
                new Estimate.Interval(0, 0.022097), PEOPLE_SCAN), CEILING);
        assertEquals("closeness-poor", v.style());
        assertEquals("Poor: agrees with the people's majority less than a typical labeler does.", v.verdict());
        assertTrue(v.lines().get(0).endsWith("0.671 [0.527, 0.788], wholly above the eval's interval."),
                v.lines().get(0));
    }

    @Test
    void manyFalsePassesAreRedEvenWhenAgreementMatchesPeople() {
        EvaluatorVerdict v = EvaluatorVerdict.scan(eval(kappa(0.60, 0.50, 0.70), 60, 110,
                new Estimate.Interval(0.285078, 0.427304), PEOPLE_SCAN), CEILING);
        assertEquals("closeness-poor", v.style());
        assertEquals("Poor: 35.3% of the codes people could not scan pass (over 20.0%), although it agrees with the "
                + "people's majority as well as a typical labeler does.", v.verdict());
        assertEquals("false passes 35.3% [28.5, 42.7]", v.falsePasses());
    }

    @Test
    void agreementWhollyAboveTheCeilingWithFewFalsePassesIsGreenOrBetter() {
        EvaluatorVerdict v = EvaluatorVerdict.scan(eval(kappa(0.85, 0.80, 0.90), 0, 170,
                new Estimate.Interval(0, 0.022097), PEOPLE_SCAN), CEILING);
        assertEquals("closeness-good", v.style());
        assertTrue(v.verdict().startsWith("Good: agrees with the people's majority as well as a typical labeler does "
                + "or better,"), v.verdict());
    }

    @Test
    void withoutCodesPeopleCouldNotScanTheCardSaysItCannotJudgeYet() {
        AlignmentReport.ScanEvaluator s = new AlignmentReport.ScanEvaluator(10, new AlignmentReport.Counts(5, 0, 0, 5),
                null, null, null, null, null, kappa(0.5, 0.2, 0.8), null, null, null, null, null, null,
                Estimate.undefined("no code people could not scan"), List.of(), List.of(), null, null);
        EvaluatorVerdict v = EvaluatorVerdict.scan(s, CEILING);
        assertEquals("closeness-unknown", v.style());
        assertEquals("false passes: none possible yet", v.falsePasses());
        assertNull(EvaluatorVerdict.passRateSentence(null, PEOPLE_SCAN));
    }
}
