package org.qartalign.ui.dashboard;

import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an Overview card says about one evaluator, in words and a colour. A scan eval is judged on two things, and
 * its card shows both as headlines so the colour never reads against them: its agreement interval against the
 * human ceiling's interval (does it agree with the people's majority as well as a typical person does?) and its
 * false-pass rate (codes people could not scan that the eval passes, the costly mistake), judged by the upper end
 * of its Wilson interval so that "0 of 20" does not count as few (the bootstrap's interval of a zero count is
 * [0, 0]). Red: agreement below the ceiling, or more than 20% false passes. Green: not below the ceiling, and the
 * false-pass rate is at most 5% even at its interval's upper end. Amber: everything between.
 *
 * @param style       closeness-good (green), closeness-fair (amber), closeness-poor (red) or closeness-unknown
 * @param verdict     one sentence a reader takes away, naming why the card has its colour
 * @param lines       the figures behind it, each said in words
 * @param falsePasses the second headline of a scan card ("false passes 9.5% [7.4, 12.1]"), null for aesthetic
 */
public record EvaluatorVerdict(String style, String verdict, List<String> lines, String falsePasses) {
    /** False-pass rates at or below this (the Wilson interval's upper end) count as few. */
    static final double FEW_FALSE_PASSES = 0.05;
    /** False-pass rates above this (point value) count as too many. */
    static final double MANY_FALSE_PASSES = 0.20;

    enum Ceiling { ABOVE, WITHIN, BELOW, UNKNOWN }

    enum FalsePasses { FEW, SOME, MANY, UNKNOWN }

    /** What a scan eval's ceiling divides by: the typical labeler's kappa, else Fleiss' kappa. */
    public static Estimate scanCeiling(AlignmentReport r) {
        AlignmentReport.ScanInterRater h = r.scan().interRater();
        return h.typicalLabelerKappa() != null && h.typicalLabelerKappa().value() != null ? h.typicalLabelerKappa()
                : h.fleissKappa();
    }

    /**
     * @param human the ceiling's own estimate with its interval: the typical labeler's leave-one-out kappa, or
     *              Fleiss' kappa when that is undefined (what {@code s.ceiling()} divides by)
     */
    public static EvaluatorVerdict scan(AlignmentReport.ScanEvaluator s, Estimate human) {
        List<String> lines = new ArrayList<>();
        Ceiling c = againstCeiling(s.cohenKappa(), human);
        lines.add(ceilingSentence(c, human, "kappa"));
        AlignmentReport.Counts m = s.confusion();
        long notScanned = m == null ? 0 : m.fp() + m.tn();
        Estimate fpr = s.falsePassRate() == null || notScanned == 0 ? Estimate.undefined("no data") : s.falsePassRate();
        Double upper = upperEnd(fpr);
        FalsePasses f = fpr.value() == null || upper == null ? FalsePasses.UNKNOWN
                : fpr.value() > MANY_FALSE_PASSES ? FalsePasses.MANY
                : upper <= FEW_FALSE_PASSES ? FalsePasses.FEW : FalsePasses.SOME;
        String rate = fpr.value() == null ? "n/a" : Figures.pct(fpr.value());
        String headline;
        if (f == FalsePasses.UNKNOWN) {
            headline = "false passes: none possible yet";
            lines.add("False passes: none possible yet (no code that people could not scan).");
        } else {
            headline = String.format(Locale.ROOT, "false passes %s [%.1f, %.1f]", rate, 100 * lowerEnd(fpr),
                    100 * upper);
            lines.add(String.format(Locale.ROOT, "False passes: %d of the %d codes people could not scan pass this "
                    + "eval, %s [%.1f, %.1f] (Wilson 95%%); up to %.0f%% at the upper end counts as few, over %.0f%% "
                    + "as many.", m.fp(), notScanned, rate, 100 * lowerEnd(fpr), 100 * upper, 100 * FEW_FALSE_PASSES,
                    100 * MANY_FALSE_PASSES));
        }
        String passRate = passRateSentence(s.evalScanRate(), s.humanScanRate());
        if (passRate != null) {
            lines.add(passRate);
        }
        String agrees = "agrees with the people's majority as well as a typical labeler does";
        String style;
        String verdict;
        if (c == Ceiling.UNKNOWN || f == FalsePasses.UNKNOWN) {
            style = "closeness-unknown";
            verdict = "Not enough labeled codes to judge yet.";
        } else if (c == Ceiling.BELOW || f == FalsePasses.MANY) {
            style = "closeness-poor";
            String many = rate + " of the codes people could not scan pass (over "
                    + Figures.pct(MANY_FALSE_PASSES) + ")";
            verdict = c == Ceiling.BELOW && f == FalsePasses.MANY
                    ? "Poor: agrees with the people's majority less than a typical labeler does, and " + many + "."
                    : c == Ceiling.BELOW ? "Poor: agrees with the people's majority less than a typical labeler does."
                    : "Poor: " + many + ", although it " + agrees + ".";
        } else if (f == FalsePasses.FEW) {
            style = "closeness-good";
            verdict = "Good: " + agrees + (c == Ceiling.ABOVE ? " or better" : "") + ", with few false passes (at "
                    + "most " + Figures.pct(upper) + " of the codes people could not scan).";
        } else {
            style = "closeness-fair";
            verdict = "Fair: " + agrees + (c == Ceiling.ABOVE ? " or better" : "") + ", but "
                    + (fpr.value() <= FEW_FALSE_PASSES
                    ? "too few codes people could not scan (" + notScanned + ") to show few false passes: it may pass "
                    + "up to " + Figures.pct(upper) + " of them."
                    : rate + " of the codes people could not scan pass (few is " + Figures.pct(FEW_FALSE_PASSES)
                    + " or less).");
        }
        return new EvaluatorVerdict(style, verdict, lines, headline);
    }

    /** The upper end of a proportion's Wilson interval, else its bootstrap interval, else its value. */
    private static Double upperEnd(Estimate e) {
        return e.wilson() != null ? Double.valueOf(e.wilson().hi()) : e.hi() != null ? e.hi() : e.value();
    }

    private static double lowerEnd(Estimate e) {
        return e.wilson() != null ? e.wilson().lo() : e.lo() != null ? e.lo() : e.value();
    }

    /** Whether the eval passes clearly fewer or more codes than people scan (intervals apart), in words. */
    static String passRateSentence(Estimate eval, Estimate people) {
        if (eval == null || eval.value() == null || people == null || people.value() == null) {
            return null;
        }
        String figures = "passes " + Figures.percent(eval) + " of codes, people scanned " + Figures.percent(people);
        Ceiling c = againstCeiling(eval, people);
        return switch (c) {
            case BELOW -> "Stricter than people: " + figures + ", so it also fails codes they could scan.";
            case ABOVE -> "More lenient than people: " + figures + ".";
            default -> "Pass rate as people's: " + figures + ".";
        };
    }

    /** The ceiling's estimate is the typical labeler's Spearman against the others' mean, with its interval. */
    public static EvaluatorVerdict aesthetic(AlignmentReport.AestheticEvaluator a, Estimate human) {
        Ceiling c = againstCeiling(a.spearman(), human);
        String line = ceilingSentence(c, human, "Spearman");
        return switch (c) {
            case ABOVE, WITHIN -> new EvaluatorVerdict("closeness-good", "Good: ranks codes as people do, as well as "
                    + "a typical person ranks them like the others.", List.of(line), null);
            case BELOW -> new EvaluatorVerdict("closeness-poor", "Poor: ranks codes less like people than a typical "
                    + "person does.", List.of(line), null);
            case UNKNOWN -> new EvaluatorVerdict("closeness-unknown", "Not enough labeled codes to judge yet.",
                    List.of(line), null);
        };
    }

    /**
     * The eval's interval against the ceiling's interval: wholly above it, wholly below it, or overlapping it (the
     * two cannot be told apart). A ceiling without an interval counts as its point value.
     */
    static Ceiling againstCeiling(Estimate eval, Estimate human) {
        if (eval == null || eval.value() == null || human == null || human.value() == null) {
            return Ceiling.UNKNOWN;
        }
        double lo = eval.lo() == null ? eval.value() : eval.lo();
        double hi = eval.hi() == null ? eval.value() : eval.hi();
        double humanLo = human.lo() == null ? human.value() : human.lo();
        double humanHi = human.hi() == null ? human.value() : human.hi();
        return lo > humanHi ? Ceiling.ABOVE : hi < humanLo ? Ceiling.BELOW : Ceiling.WITHIN;
    }

    private static String ceilingSentence(Ceiling c, Estimate human, String measure) {
        if (c == Ceiling.UNKNOWN) {
            return "Human ceiling: not known yet" + (human != null && human.note() != null
                    ? " (" + human.note() + ")." : " (needs codes labeled by two or more people).");
        }
        String h = "a typical labeler's " + measure + " against the others is " + Figures.withInterval(human);
        return switch (c) {
            case ABOVE -> "Agrees with the people's majority better than a typical labeler does: " + h
                    + ", wholly below the eval's interval.";
            case BELOW -> "Agrees with the people's majority less than a typical labeler does: " + h
                    + ", wholly above the eval's interval.";
            default -> "Agrees with the people's majority as well as a typical labeler does: " + h
                    + ", overlapping the eval's interval (the two cannot be told apart).";
        };
    }
}
