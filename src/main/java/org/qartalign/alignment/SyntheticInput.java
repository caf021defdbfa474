package org.qartalign.alignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic {@link AlignmentInput} for the benchmark: pairs of 8 codes over a strength x guidance-end
 * grid, labelers who see a latent scannability and beauty through noise, and evaluators of varying quality
 * (a decoder-like one with many tied probabilities, a calibrated-ish model, an aesthetic predictor).
 */
public final class SyntheticInput {
    private SyntheticInput() {
    }

    public static AlignmentInput generate(int codes, int labelers, int evaluators, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<AlignmentInput.LabelerRow> people = new ArrayList<>();
        for (int l = 0; l < labelers; l++) {
            people.add(new AlignmentInput.LabelerRow("labeler-" + (l + 1), l % 3 == 2));
        }
        List<String> names = new ArrayList<>();
        for (int e = 0; e < evaluators; e++) {
            names.add(switch (e % 3) {
                case 0 -> "zxing-" + (e / 3 + 1);
                case 1 -> "scan-model-" + (e / 3 + 1);
                default -> "aesthetic-" + (e / 3 + 1);
            });
        }
        String[] phones = {"Pixel 7", "iPhone 13", "Galaxy S21"};
        double[] strengths = {0.6, 0.8, 1.0, 1.2, 1.4};
        double[] ends = {0.6, 0.7, 0.8, 0.9, 1.0};
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<AlignmentInput.CodeRow> rows = new ArrayList<>(codes);
        for (int i = 0; i < codes; i++) {
            long pair = i / 8;
            double strength = strengths[rng.nextInt(strengths.length)];
            double end = ends[rng.nextInt(ends.length)];
            double scanLatent = 2.5 - 2.2 * strength - 1.5 * end + 1.2 + rng.nextDouble() * 2 - 1;
            double beauty = 3 + 1.2 * (strength - 1) + 0.8 * (end - 0.8) + rng.nextGaussian() * 0.8;
            List<AlignmentInput.HumanLabel> labels = new ArrayList<>();
            for (int l = 0; l < labelers; l++) {
                if (rng.nextDouble() < 0.1) {
                    continue;
                }
                boolean scanned = scanLatent + rng.nextGaussian() * 0.6 > 0;
                int score = (int) Math.max(1, Math.min(5, Math.round(beauty + rng.nextGaussian() * 0.7)));
                labels.add(new AlignmentInput.HumanLabel(l, scanned, score, 1 + rng.nextDouble() * 6,
                        phones[l % phones.length], (long) l, start.plusSeconds(i * 10L + l)));
            }
            double[] prob = new double[evaluators];
            double[] aes = new double[evaluators];
            for (int e = 0; e < evaluators; e++) {
                switch (e % 3) {
                    case 0 -> {
                        prob[e] = Math.round(4 / (1 + Math.exp(-2 * (scanLatent + rng.nextGaussian() * 0.8)))) / 4.0;
                        aes[e] = Double.NaN;
                    }
                    case 1 -> {
                        prob[e] = 1 / (1 + Math.exp(-1.5 * (scanLatent + rng.nextGaussian())));
                        aes[e] = Double.NaN;
                    }
                    default -> {
                        prob[e] = Double.NaN;
                        aes[e] = beauty + rng.nextGaussian() * 0.9;
                    }
                }
            }
            rows.add(new AlignmentInput.CodeRow("c" + i, pair, "images/c" + i + ".png", "prompt " + pair,
                    "https://example.org/" + "x".repeat((int) (pair % 40)), Map.of("strength", strength,
                    "guidance_end", end, "seed", (double) rng.nextInt(1_000_000)), labels, List.of(), prob, aes));
        }
        return new AlignmentInput(rows, people, names, (codes + 7) / 8, true, 0);
    }
}
