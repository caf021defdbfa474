package org.qartalign.labeling;

import org.qartalign.store.Database;
import org.qartalign.store.SettingRepository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How many labelers each code of the dataset needs: {@code labelsPerCode} for every code, and
 * {@code overlapLabelers} for a seeded share {@code overlapShare} of the codes (the overlap set that measures
 * human-human agreement). {@code retestShare} of each labeler's own answers come back once, hidden, as re-tests.
 */
public record OverlapPolicy(int labelsPerCode, double overlapShare, int overlapLabelers, double retestShare) {
    public static final OverlapPolicy DEFAULT = new OverlapPolicy(1, 0.2, 3, 0.05);
    static final String PREFIX = "overlap.";
    /** The overlap set is the same for every labeler: it depends only on the code ids and this seed. */
    private static final long OVERLAP_SEED = 0x5141727441L;

    public OverlapPolicy {
        if (labelsPerCode < 1 || labelsPerCode > 100) {
            throw new IllegalArgumentException("--labels-per-code must be between 1 and 100, got " + labelsPerCode);
        }
        if (!(overlapShare >= 0 && overlapShare <= 1)) {
            throw new IllegalArgumentException("--overlap-share must be between 0 and 1 (a share of the codes, "
                    + "e.g. 0.2), got " + overlapShare);
        }
        if (overlapLabelers < 2 || overlapLabelers > 100) {
            throw new IllegalArgumentException("--overlap-labelers must be between 2 and 100 (agreement needs at "
                    + "least two people), got " + overlapLabelers);
        }
        if (!(retestShare >= 0 && retestShare <= 0.5)) {
            throw new IllegalArgumentException("--retest-share must be between 0 and 0.5, got " + retestShare);
        }
    }

    /** The policy stored in this database, or the default. */
    public static OverlapPolicy load(Database db) {
        SettingRepository s = new SettingRepository(db);
        return new OverlapPolicy(
                (int) number(s, "labels_per_code", DEFAULT.labelsPerCode),
                number(s, "overlap_share", DEFAULT.overlapShare),
                (int) number(s, "overlap_labelers", DEFAULT.overlapLabelers),
                number(s, "retest_share", DEFAULT.retestShare));
    }

    private static double number(SettingRepository s, String key, double fallback) {
        String text = s.get(PREFIX + key).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + PREFIX + key + " is '" + text
                    + "', not a number; fix it with `configure`");
        }
    }

    public void save(Database db) {
        SettingRepository s = new SettingRepository(db);
        s.putAll(java.util.Map.of(
                PREFIX + "labels_per_code", Integer.toString(labelsPerCode),
                PREFIX + "overlap_share", Double.toString(overlapShare),
                PREFIX + "overlap_labelers", Integer.toString(overlapLabelers),
                PREFIX + "retest_share", Double.toString(retestShare)));
    }

    /** The codes that need {@code overlapLabelers} labelers: a seeded share of all codes, the same for everyone. */
    public Set<String> overlapSet(List<String> allCodeIds) {
        List<String> ids = new ArrayList<>(allCodeIds);
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(OVERLAP_SEED));
        int n = (int) Math.round(overlapShare * ids.size());
        return new HashSet<>(ids.subList(0, n));
    }

    /** Labels wanted for a code. */
    public int target(boolean inOverlap) {
        return inOverlap ? Math.max(overlapLabelers, labelsPerCode) : labelsPerCode;
    }

    /** Whether this labeler gets this code back once as a hidden re-test: a stable draw from (labeler seed, code). */
    public boolean drawsRetest(long labelerSeed, String codeId) {
        long h = labelerSeed ^ 0x9E3779B97F4A7C15L;
        for (char ch : codeId.toCharArray()) {
            h = (h ^ ch) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53 < retestShare;
    }

    @Override
    public String toString() {
        return "labels per code " + labelsPerCode + ", overlap share " + overlapShare + " x " + overlapLabelers
                + " labelers, retest share " + retestShare;
    }
}
