package org.qartalign.labeling;

import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The order in which one labeler sees codes: a random order seeded by the labeler's name, so it is stable across
 * restarts, over the codes they have not answered yet; codes they skipped come after all the others.
 */
public final class LabelingQueue {
    private LabelingQueue() {
    }

    /** A seed that depends only on the labeler's name, so every restart rebuilds the same order. */
    public static long seedFor(String labelerName) {
        long h = 1125899906842597L;
        for (char ch : labelerName.toCharArray()) {
            h = 31 * h + ch;
        }
        return h;
    }

    /**
     * @param allCodeIds every code of the dataset
     * @param labelerHeads the heads of this labeler's label chains
     */
    public static List<String> order(List<String> allCodeIds, List<Label> labelerHeads, long seed) {
        Map<String, LabelKind> state = new HashMap<>();
        for (Label head : labelerHeads) {
            if (head.hasFlag("retest")) {
                continue;
            }
            state.put(head.codeId(), head.complete() ? LabelKind.ANSWER
                    : head.kind() == LabelKind.ANSWER ? LabelKind.RETRACT : head.kind());
        }
        List<String> shuffled = new ArrayList<>(allCodeIds);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> fresh = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String id : shuffled) {
            LabelKind k = state.get(id);
            if (k == null || k == LabelKind.RETRACT) {
                fresh.add(id);
            } else if (k == LabelKind.SKIP) {
                skipped.add(id);
            }
        }
        fresh.addAll(skipped);
        return fresh;
    }

    /** Codes this labeler has finished: a complete answer or a broken-image flag. */
    public static Set<String> done(List<Label> labelerHeads) {
        Set<String> out = new HashSet<>();
        for (Label h : labelerHeads) {
            if (!h.hasFlag("retest") && (h.complete() || h.kind() == LabelKind.FLAG)) {
                out.add(h.codeId());
            }
        }
        return out;
    }
}
