package org.qartalign.eval;

/**
 * A trained aesthetic head: standardise the features with the training set's mean and std, then a linear layer
 * (hidden = 0) or one ReLU hidden layer and a linear output, then clamp to [low, high].
 *
 * @param hiddenWeights [hidden][features], empty when hidden = 0
 * @param outputWeights [hidden] or [features] when hidden = 0
 */
public record HeadWeights(double[] mean, double[] std, int hidden, double[][] hiddenWeights, double[] hiddenBias,
                          double[] outputWeights, double outputBias, double low, double high) {

    public double apply(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("the head takes " + mean.length + " features, got " + features.length);
        }
        double[] z = new double[features.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (features[i] - mean[i]) / std[i];
        }
        double[] h = z;
        if (hidden > 0) {
            h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double s = hiddenBias[j];
                for (int i = 0; i < z.length; i++) {
                    s += hiddenWeights[j][i] * z[i];
                }
                h[j] = Math.max(0, s);
            }
        }
        double y = outputBias;
        for (int i = 0; i < h.length; i++) {
            y += outputWeights[i] * h[i];
        }
        return Math.min(high, Math.max(low, y));
    }
}
