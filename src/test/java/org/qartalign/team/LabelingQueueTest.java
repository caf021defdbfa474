package org.qartalign.team;

import org.junit.jupiter.api.Test;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.labeling.LabelingQueue;
import org.qartalign.labeling.OverlapPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelingQueueTest {
    private static final List<String> CODES = codes(200);

    private static List<String> codes(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("k%04d", i));
        }
        return out;
    }

    private static List<String> ids(List<LabelingQueue.Item> items) {
        return items.stream().map(LabelingQueue.Item::codeId).toList();
    }

    private static Label complete(String code, String flags) {
        return new Label(code + flags, code, 1, null, LabelKind.ANSWER, true, null, 3, Instant.EPOCH, 1L, Instant.EPOCH,
                flags, null);
    }

    @Test
    void theOverlapSetComesFirstForEveryLabelerInTheirOwnOrder() {
        OverlapPolicy p = OverlapPolicy.DEFAULT;
        Set<String> overlap = p.overlapSet(CODES);
        assertEquals(40, overlap.size(), "20% of 200 codes");
        List<String> ana = ids(LabelingQueue.plan(CODES, List.of(), Map.of(), p, LabelingQueue.seedFor("ana")));
        List<String> ben = ids(LabelingQueue.plan(CODES, List.of(), Map.of(), p, LabelingQueue.seedFor("ben")));
        assertEquals(overlap, new HashSet<>(ana.subList(0, 40)));
        assertEquals(overlap, new HashSet<>(ben.subList(0, 40)));
        assertNotEquals(ana.subList(0, 40), ben.subList(0, 40), "random within the overlap set, per labeler");
        assertEquals(200, new HashSet<>(ana).size(), "every code exactly once");
        assertEquals(200, ana.size());
    }

    @Test
    void codesAtTheirTargetGoAfterCodesThatStillNeedLabels() {
        OverlapPolicy p = new OverlapPolicy(2, 0.1, 3, 0);
        Set<String> overlap = p.overlapSet(CODES);
        Map<String, Integer> others = new HashMap<>();
        Set<String> full = new HashSet<>();
        for (int i = 0; i < CODES.size(); i += 3) {
            String id = CODES.get(i);
            int n = overlap.contains(id) ? 3 : 2;
            others.put(id, n);
            full.add(id);
        }
        List<String> order = ids(LabelingQueue.plan(CODES, List.of(), others, p, 7));
        int firstFull = order.size() - full.size();
        assertEquals(full, new HashSet<>(order.subList(firstFull, order.size())));
        Set<String> needyOverlap = new HashSet<>(overlap);
        needyOverlap.removeAll(full);
        assertEquals(needyOverlap, new HashSet<>(order.subList(0, needyOverlap.size())));
    }

    @Test
    void answeredCodesComeBackOnlyAsHiddenRetestsAtLeastTwentyCodesLater() {
        OverlapPolicy p = new OverlapPolicy(1, 0.2, 3, 0.3);
        long seed = LabelingQueue.seedFor("cy");
        List<Label> heads = new ArrayList<>();
        for (String id : CODES.subList(0, 100)) {
            heads.add(complete(id, ""));
        }
        List<LabelingQueue.Item> plan = LabelingQueue.plan(CODES, heads, Map.of(), p, seed);
        int retests = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            LabelingQueue.Item item = plan.get(i);
            assertTrue(seen.add(item.codeId()), "shown once: " + item);
            if (item.retest()) {
                retests++;
                assertTrue(i >= LabelingQueue.RETEST_GAP, "a retest at position " + i);
                assertTrue(p.drawsRetest(seed, item.codeId()));
            } else {
                assertFalse(CODES.subList(0, 100).contains(item.codeId()), "an answered code is not shown as new");
            }
        }
        assertTrue(retests > 15 && retests < 45, "about 30% of 100 answers drawn, got " + retests);
        List<Label> retested = new ArrayList<>(heads);
        plan.stream().filter(LabelingQueue.Item::retest).forEach(i -> retested.add(complete(i.codeId(), "retest")));
        assertTrue(LabelingQueue.plan(CODES, retested, Map.of(), p, seed).stream().noneMatch(LabelingQueue.Item::retest),
                "a code is re-tested once");
    }

    @Test
    void aTeamSplitSteersEachLabelerToTheirOwnShareOfSingleLabelCodesFirst() {
        OverlapPolicy p = new OverlapPolicy(1, 0.0, 3, 0);
        Predicate<String> first = LabelingQueue.partition(Optional.of("0/3"));
        Predicate<String> second = LabelingQueue.partition(Optional.of("1/3"));
        List<String> a = ids(LabelingQueue.plan(CODES, List.of(), Map.of(), p, 1, first));
        long mine = CODES.stream().filter(first).count();
        assertTrue(mine > 40 && mine < 95, "about a third: " + mine);
        assertTrue(a.subList(0, (int) mine).stream().allMatch(first));
        assertTrue(CODES.stream().noneMatch(id -> first.test(id) && second.test(id)), "shares do not overlap");
        assertTrue(CODES.stream().allMatch(LabelingQueue.partition(Optional.of("nonsense"))));
    }

    @Test
    void aPolicyOutsideItsRangeIsRefusedNamingTheOption() {
        assertEquals("--overlap-labelers must be between 2 and 100 (agreement needs at least two people), got 1",
                assertThrows(IllegalArgumentException.class, () -> new OverlapPolicy(1, 0.2, 1, 0.05)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverlapPolicy(1, 1.5, 3, 0.05))
                .getMessage().startsWith("--overlap-share must be between 0 and 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverlapPolicy(0, 0.2, 3, 0.05))
                .getMessage().startsWith("--labels-per-code"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverlapPolicy(1, 0.2, 3, Double.NaN))
                .getMessage().startsWith("--retest-share"));
    }
}
