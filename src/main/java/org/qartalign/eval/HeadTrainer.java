package org.qartalign.eval;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Fits an aesthetic head with DJL's training API on the PyTorch engine: L2 loss on the centred target, Adam with
 * weight decay, full-batch steps (no shuffling, so the seed alone fixes the result).
 */
public final class HeadTrainer {
    /**
     * @param hidden 0 for a linear head, else the width of one ReLU hidden layer
     * @param weightDecay L2 penalty on the weights; keeps a head trained on a few dozen codes from chasing noise
     */
    public record Settings(int folds, long seed, int hidden, int epochs, float learningRate, float weightDecay) {
        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("--folds must be at least 2, not " + folds);
            }
            if (hidden < 0 || epochs < 1 || learningRate <= 0 || weightDecay < 0) {
                throw new IllegalArgumentException("hidden >= 0, epochs >= 1, learning rate > 0, weight decay >= 0");
            }
        }

        public static Settings defaults(int folds, long seed) {
            return new Settings(folds, seed, 0, 300, 0.05f, 0.05f);
        }
    }

    private static final Object ENGINE_SEED = new Object();

    private HeadTrainer() {
    }

    /** Trains on rows x (raw features) and targets y; {@code seed} fixes the initial weights. */
    public static HeadWeights fit(float[][] x, double[] y, Settings settings, int seed, double low, double high) {
        int n = x.length;
        int f = x[0].length;
        double[] mean = new double[f];
        double[] std = new double[f];
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1.0;
        }
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        float[] z = new float[n * f];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                z[i * f + j] = (float) ((x[i][j] - mean[j]) / std[j]);
            }
            t[i] = (float) (y[i] - yMean);
        }
        TorchDevice.get();
        synchronized (ENGINE_SEED) {
            Engine engine = Engine.getEngine("PyTorch");
            engine.setRandomSeed(seed);
            try (Model model = Model.newInstance("learned-aesthetic", Device.cpu(), "PyTorch")) {
                Block block = settings.hidden() == 0 ? Linear.builder().setUnits(1).build()
                        : new SequentialBlock().add(Linear.builder().setUnits(settings.hidden()).build())
                        .add(Activation::relu).add(Linear.builder().setUnits(1).build());
                model.setBlock(block);
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                                .optWeightDecays(settings.weightDecay()).build())
                        .optDevices(new Device[] {Device.cpu()});
                try (Trainer trainer = model.newTrainer(config); NDManager m = trainer.getManager().newSubManager()) {
                    trainer.initialize(new Shape(n, f));
                    NDArray features = m.create(z, new Shape(n, f));
                    NDArray target = m.create(t, new Shape(n, 1));
                    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                        try (NDManager step = m.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray in = features.duplicate();
                            in.attach(step);
                            NDArray pred = trainer.forward(new NDList(in)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(pred));
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                    return weights(block.getParameters(), mean, std, settings.hidden(), yMean, low, high);
                }
            }
        }
    }

    private static HeadWeights weights(ParameterList p, double[] mean, double[] std, int hidden, double yMean,
                                       double low, double high) {
        if (hidden == 0) {
            return new HeadWeights(mean, std, 0, new double[0][], new double[0], doubles(p.valueAt(0).getArray()),
                    doubles(p.valueAt(1).getArray())[0] + yMean, low, high);
        }
        double[] w1 = doubles(p.valueAt(0).getArray());
        double[][] rows = new double[hidden][mean.length];
        for (int j = 0; j < hidden; j++) {
            System.arraycopy(w1, j * mean.length, rows[j], 0, mean.length);
        }
        return new HeadWeights(mean, std, hidden, rows, doubles(p.valueAt(1).getArray()),
                doubles(p.valueAt(2).getArray()), doubles(p.valueAt(3).getArray())[0] + yMean, low, high);
    }

    private static double[] doubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
