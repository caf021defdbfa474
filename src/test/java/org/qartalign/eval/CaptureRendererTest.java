package org.qartalign.eval;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CaptureRendererTest {
    /**
     * The sequential noise walk needs the stride's inverse modulo 2^16: Python's {@code pow(7919, -1, 65536)} is 53263,
     * and 7919 * 53263 = 421,789,697 = 6436 * 65536 + 1.
     */
    @Test
    void theNoiseStridesInverseModuloTheTableSizeIsExact() {
        assertEquals(53263, CaptureRenderer.inverseModPowerOfTwo(7919, 16));
    }

    /** Two captures that differ only in their noise seed get different noise, and the same seed the same pixels. */
    @Test
    void theNoiseSeedPicksTheNoise() {
        GrayImage flat = new GrayImage(64, 64, new byte[64 * 64]);
        java.util.Arrays.fill(flat.pixels(), (byte) 128);
        CaptureRenderer r = new CaptureRenderer();
        GrayImage a = r.render(java.util.List.of(flat), capture(11));
        GrayImage b = r.render(java.util.List.of(flat), capture(11));
        GrayImage c = r.render(java.util.List.of(flat), capture(12));
        assertEquals(java.util.Arrays.toString(a.pixels()), java.util.Arrays.toString(b.pixels()));
        assertNotEquals(java.util.Arrays.toString(a.pixels()), java.util.Arrays.toString(c.pixels()));
    }

    private static Capture capture(int noiseSeed) {
        return new Capture(48, 64, 0, 0, 0, 0, 0, 0.9, 1, 0, 0, 0, 0, 0, 0.05, 0, noiseSeed, Set.of(PerturbationKind.NOISE));
    }
}
