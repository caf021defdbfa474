package org.qartalign.dataset;

import java.util.SplittableRandom;

/** Smooth value noise on a lattice with the given cell size, values in [0, 1]. */
final class NoiseField {
    private final double[] lattice;
    private final int cells;
    private final double cell;

    NoiseField(SplittableRandom random, int extent, double cell) {
        this.cell = cell;
        this.cells = (int) Math.ceil(extent / cell) + 2;
        this.lattice = new double[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextDouble();
        }
    }

    /** Cell index and smoothed weight per pixel along an axis, so sampling a whole image costs four reads a pixel. */
    record Axis(int[] cell, float[] weight) {
    }

    Axis axis(int size) {
        int[] idx = new int[size];
        float[] w = new float[size];
        for (int v = 0; v < size; v++) {
            double u = v / cell;
            idx[v] = (int) u;
            double t = u - idx[v];
            w[v] = (float) (t * t * (3 - 2 * t));
        }
        return new Axis(idx, w);
    }

    float at(Axis axis, int x, int y) {
        int i = axis.cell[x];
        int j = axis.cell[y];
        float tx = axis.weight[x];
        float ty = axis.weight[y];
        int row = j * cells + i;
        float a = (float) lattice[row];
        float b = (float) lattice[row + 1];
        float c = (float) lattice[row + cells];
        float d = (float) lattice[row + cells + 1];
        float top = a + (b - a) * tx;
        return top + (c + (d - c) * tx - top) * ty;
    }

    double at(double x, double y) {
        double u = x / cell;
        double v = y / cell;
        int i = (int) u;
        int j = (int) v;
        double tx = u - i;
        double ty = v - j;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        double a = lattice[j * cells + i];
        double b = lattice[j * cells + i + 1];
        double c = lattice[(j + 1) * cells + i];
        double d = lattice[(j + 1) * cells + i + 1];
        return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
    }
}
