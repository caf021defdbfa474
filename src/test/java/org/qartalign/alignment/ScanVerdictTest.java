package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanVerdictTest {
    @Test
    void aProbabilityEqualToTheThresholdPasses() {
        assertTrue(ScanVerdict.passes(0.5, 0.5));
        assertFalse(ScanVerdict.passes(Math.nextDown(0.5), 0.5));
        assertEquals(ScanVerdict.FALSE_PASS, ScanVerdict.of(0.5, 0, 0.5));
        assertEquals(ScanVerdict.AGREEMENT, ScanVerdict.of(0.5, 1, 0.5));
        assertEquals(ScanVerdict.FALSE_FAIL, ScanVerdict.of(Math.nextDown(0.5), 1, 0.5));
        assertEquals(ScanVerdict.AGREEMENT, ScanVerdict.of(Math.nextDown(0.5), 0, 0.5));
    }

    @Test
    void aThresholdOfZeroPassesEveryCodeAndAboveOneNone() {
        assertEquals(ScanVerdict.FALSE_PASS, ScanVerdict.of(0.0, 0, 0.0));
        assertEquals(ScanVerdict.FALSE_FAIL, ScanVerdict.of(1.0, 1, Math.nextUp(1.0)));
    }

    @Test
    void anEvenSplitOrNoAnswersIsNoMajorityAndSoNoVerdict() {
        assertNull(ScanVerdict.majority(2, 4));
        assertNull(ScanVerdict.majority(0, 0));
        assertEquals(1, ScanVerdict.majority(2, 3));
        assertEquals(0, ScanVerdict.majority(1, 3));
        assertEquals(1, ScanVerdict.majority(1, 1));
        assertEquals(ScanVerdict.NO_VERDICT, ScanVerdict.of(0.9, ScanVerdict.majority(1, 2), 0.5));
    }

    @Test
    void noProbabilityIsNoVerdictAndNaNNeverPasses() {
        assertEquals(ScanVerdict.NO_VERDICT, ScanVerdict.of(null, 0, 0.5));
        assertEquals(ScanVerdict.NO_VERDICT, ScanVerdict.of(Double.NaN, 0, 0.5));
        assertFalse(ScanVerdict.passes(Double.NaN, 0.0));
        assertFalse(ScanVerdict.NO_VERDICT.disagrees());
        assertFalse(ScanVerdict.AGREEMENT.disagrees());
        assertTrue(ScanVerdict.FALSE_PASS.disagrees());
        assertTrue(ScanVerdict.FALSE_FAIL.disagrees());
    }
}
