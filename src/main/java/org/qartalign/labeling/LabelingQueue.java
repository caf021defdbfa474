package org.qartalign.labeling;

import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The order in which one labeler sees codes, seeded by the labeler's name so it is stable across restarts.
 * <ol>
 *   <li>a code they half answered (scan key but no score) comes back first;</li>
 *   <li>codes of the overlap set that still need labelers, so inter-rater agreement fills early;</li>
 *   <li>other codes still below their target number of labels, this labeler's share of a team split first;</li>
 *   <li>codes already at their target (kept rather than dropped: a labeler never runs dry, and extra labels only
 *       add overlap);</li>
 *   <li>codes they skipped.</li>
 * </ol>
 * Each group is in the labeler's own random order. A code the labeler has answered never comes back, except once as
 * a hidden re-test, placed at least {@link #RETEST_GAP} codes later (so the last codes of a pass get none).
 */
public final class LabelingQueue {
    /** A re-test never follows its first answer more closely than this many other codes (when there are as many). */
    public static final int RETEST_GAP = 20;

    /** One entry of the queue: a code, and whether it comes back as a re-test (a new chain flagged retest). */
    public record Item(String codeId, boolean retest) {
    }

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
     * @param labelerHeads the heads of this labeler's label chains, re-test chains included
     * @param othersFinished per code, how many other (human) labelers have a complete answer
     */
    public static List<Item> plan(List<String> allCodeIds, List<Label> labelerHeads,
                                  Map<String, Integer> othersFinished, OverlapPolicy policy, long seed) {
        return plan(allCodeIds, labelerHeads, othersFinished, policy, seed, id -> true);
    }

    /**
     * @param mine the single-label codes this labeler is steered to when the team works apart (see
     *             {@link #partition}); the others still come, after them
     */
    public static List<Item> plan(List<String> allCodeIds, List<Label> labelerHeads,
                                  Map<String, Integer> othersFinished, OverlapPolicy policy, long seed,
                                  Predicate<String> mine) {
        Map<String, Label> main = new HashMap<>();
        Map<String, Label> retest = new HashMap<>();
        for (Label head : labelerHeads) {
            (head.hasFlag("retest") ? retest : main).put(head.codeId(), head);
        }
        Set<String> overlap = policy.overlapSet(allCodeIds);
        List<String> shuffled = new ArrayList<>(allCodeIds);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> pendingRetests = new ArrayList<>();
        for (String id : shuffled) {
            Label h = main.get(id);
            if (h != null && (h.complete() || h.kind() == LabelKind.FLAG)) {
                Label r = retest.get(id);
                boolean retestDone = r != null && (r.complete() || r.kind() == LabelKind.FLAG);
                if (h.complete() && !retestDone && policy.drawsRetest(seed, id)) {
                    pendingRetests.add(id);
                }
                continue;
            }
            if (h != null && h.kind() == LabelKind.ANSWER) {
                groups.get(0).add(id);
            } else if (h != null && h.kind() == LabelKind.SKIP) {
                groups.get(5).add(id);
            } else {
                boolean inOverlap = overlap.contains(id);
                boolean needed = othersFinished.getOrDefault(id, 0) < policy.target(inOverlap);
                groups.get(!needed ? 4 : inOverlap ? 1 : mine.test(id) ? 2 : 3).add(id);
            }
        }
        List<Item> out = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            groups.get(g).forEach(id -> out.add(new Item(id, false)));
        }
        Random place = new Random(seed ^ 0x7265746573744cL);
        for (String id : pendingRetests) {
            int at = retestPosition(out.size(), place);
            if (at >= 0) {
                out.add(at, new Item(id, true));
            }
        }
        groups.get(5).forEach(id -> out.add(new Item(id, false)));
        return out;
    }

    /**
     * Where a re-test goes in a queue of {@code size}: at least {@link #RETEST_GAP} codes in; -1 when fewer codes
     * are left to hide it among (a re-test straight after the answer would measure memory, not reliability).
     */
    static int retestPosition(int size, Random random) {
        return size < RETEST_GAP ? -1 : RETEST_GAP + random.nextInt(size - RETEST_GAP + 1);
    }

    /**
     * The codes of share {@code index} of {@code count} (a stable split by code id), from a setting "index/count"
     * written by a team split; every code when the setting is absent or unreadable.
     */
    public static Predicate<String> partition(Optional<String> setting) {
        if (setting.isEmpty()) {
            return id -> true;
        }
        String[] f = setting.get().split("/");
        try {
            int index = Integer.parseInt(f[0].trim());
            int count = Integer.parseInt(f[1].trim());
            if (count < 1 || index < 0 || index >= count) {
                return id -> true;
            }
            return id -> Math.floorMod(id.hashCode(), count) == index;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return id -> true;
        }
    }

    /** Codes this labeler has finished: a complete answer or a broken-image flag (re-tests not counted). */
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
