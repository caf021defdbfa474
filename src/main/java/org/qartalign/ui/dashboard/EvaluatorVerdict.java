package org.qartalign.ui.dashboard;

import org.qartalign.alignment.AlignmentReport;
import org.qartalign.alignment.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an Overview card says about one evaluator, in words and a colour. A scan eval is judged on two things: its
 * agreement interval against the human ceiling (does it agree with the people's majority as well as a typical
 * person does?) and its false-pass rate (codes people could not scan that the eval passes, the costly mistake).
 *
 * @param style   closeness-good (green), closeness-fair (amber), closeness-poor (red) or closeness-unknown
 * @param verdict one sentence a reader takes away
 * @param lines   the figures behind it, each said in words
 */
public record EvaluatorVerdict(String style, String verdict, List<String> lines) {
    /** False-pass rates at or below this (interval's upper end) count as few. */
    static final double FEW_FALSE_PASSES = 0.05;
    /** False-pass rates above this (point value) count as too many. */
    static final double MANY_FALSE_PASSES = 0.20;

    enum Ceiling { ABOVE, WITHIN, BELOW, UNKNOWN }

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
        Estimate fpr = s.falsePassRate() == null ? Estimate.undefined("no data") : s.falsePassRate();
        if (notScanned == 0 || fpr.value() == null) {
            lines.add("False passes: none possible yet (no code that people could not scan).");
        } else {
            lines.add(String.format(Locale.ROOT, "False passes: %d of the %d codes people could not scan pass this "
                    + "eval, %s.", m.fp(), notScanned, Figures.percent(fpr)));
        }
        boolean few = fpr.value() != null && fpr.hi() != null && fpr.hi() <= FEW_FALSE_PASSES;
        boolean many = fpr.value() != null && fpr.value() > MANY_FALSE_PASSES;
        String style;
        String verdict;
        if (c == Ceiling.UNKNOWN || fpr.value() == null) {
            style = "closeness-unknown";
            verdict = "Not enough labeled codes to judge yet.";
        } else if (c == Ceiling.BELOW || many) {
            style = "closeness-poor";
            verdict = c == Ceiling.BELOW && many ? "Poor: agrees with people less than they agree with each other, "
                    + "and passes many codes people could not scan."
                    : c == Ceiling.BELOW ? "Poor: agrees with people less than they agree with each other."
                    : "Poor: passes many codes people could not scan.";
        } else if (few) {
            style = "closeness-good";
            verdict = "Good: agrees with people as well as they agree with each other, with few false passes.";
        } else {
            style = "closeness-fair";
            verdict = "Fair: agrees with people as well as they agree with each other, but some codes people could "
                    + "not scan pass.";
        }
        return new EvaluatorVerdict(style, verdict, lines);
    }

    /** The ceiling's estimate is the typical labeler's Spearman against the others' mean, with its interval. */
    public static EvaluatorVerdict aesthetic(AlignmentReport.AestheticEvaluator a, Estimate human) {
        Ceiling c = againstCeiling(a.spearman(), human);
        String line = ceilingSentence(c, human, "Spearman");
        return switch (c) {
            case ABOVE, WITHIN -> new EvaluatorVerdict("closeness-good", "Good: ranks codes as people do, as well as "
                    + "a typical person ranks them like the others.", List.of(line));
            case BELOW -> new EvaluatorVerdict("closeness-poor", "Poor: ranks codes less like people than a typical "
                    + "person does.", List.of(line));
            case UNKNOWN -> new EvaluatorVerdict("closeness-unknown", "Not enough labeled codes to judge yet.",
                    List.of(line));
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
            default -> "Agrees with the people's majority about as well as a typical labeler does: " + h
                    + ", overlapping the eval's interval.";
        };
    }
}
