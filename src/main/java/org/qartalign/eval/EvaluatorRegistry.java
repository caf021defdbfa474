package org.qartalign.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluators by name, the one place the CLI and the UI look them up. The scan evaluators are registered by
 * {@link #standard()}; others (the aesthetic evaluators) register themselves with {@link #register}.
 */
public final class EvaluatorRegistry {
    /** Builds an evaluator; scan evaluators honour the payload match, others may ignore it. */
    public interface Factory {
        Evaluator create(PayloadMatch match);
    }

    /**
     * The built-in evaluators whose {@code scan_prob} is a score, not a probability (a pass/fail decode, a share of
     * simulated captures): read them at an operating point chosen against people, not at 0.5. See
     * docs/README-scan-eval.md, "What each scan_prob means".
     */
    public static final java.util.Set<String> SCORES_NOT_PROBABILITIES =
            java.util.Set.of(PlainScanEvaluator.NAME, RobustScanEvaluator.NAME);

    private final Map<String, Factory> factories = new LinkedHashMap<>();
    private final List<String> defaults = new ArrayList<>();

    /** The scan evaluators (zxing-plain, zxing-robust, qr-grade), all run by default. */
    public static EvaluatorRegistry standard() {
        EvaluatorRegistry r = new EvaluatorRegistry();
        r.register(PlainScanEvaluator.NAME, true,
                m -> new PlainScanEvaluator(DecoderSettings.THOROUGH, m));
        r.register(RobustScanEvaluator.NAME, true, m -> new RobustScanEvaluator(CaptureSet.STANDARD,
                DecoderSettings.THOROUGH, RobustScanEvaluator.CAPTURE_DECODER, m));
        r.register(QrGradeEvaluator.NAME, true, m -> new QrGradeEvaluator(m));
        return r;
    }

    /**
     * Adds an evaluator under its name.
     *
     * @param runByDefault whether {@code eval} without {@code --evaluator} runs it
     */
    public EvaluatorRegistry register(String name, boolean runByDefault, Factory factory) {
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("evaluator '" + name + "' is already registered");
        }
        if (runByDefault) {
            defaults.add(name);
        }
        return this;
    }

    public EvaluatorRegistry register(String name, boolean runByDefault, Supplier<Evaluator> factory) {
        return register(name, runByDefault, m -> factory.get());
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    public List<String> defaultNames() {
        return List.copyOf(defaults);
    }

    public Evaluator create(String name) {
        return create(name, PayloadMatch.EXACT);
    }

    public Evaluator create(String name, PayloadMatch match) {
        Factory f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown evaluator '" + name + "' (known: "
                    + String.join(", ", factories.keySet()) + ")");
        }
        return f.create(match);
    }

    /** The named evaluators, or the default ones when {@code names} is empty. */
    public List<Evaluator> createAll(List<String> names, PayloadMatch match) {
        List<Evaluator> out = new ArrayList<>();
        for (String n : names == null || names.isEmpty() ? defaults : names) {
            out.add(create(n, match));
        }
        return out;
    }
}
