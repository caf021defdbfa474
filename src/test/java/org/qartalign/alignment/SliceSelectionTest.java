package org.qartalign.alignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which parameters the report slices by: those that vary meaningfully, or the ones the user names. */
class SliceSelectionTest {
    /**
     * 40 codes: strength drawn continuous (unique per code), steps 20/30, a 64-bit seed and a sample_id unique
     * per code, and a constant cfg.
     */
    private static AlignmentInput input() {
        List<AlignmentInput.CodeRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Double> params = Map.of("strength", 0.5 + i * 0.0371, "steps", i % 2 == 0 ? 20.0 : 30.0,
                    "seed", 8.2e15 + i * 2.3e17, "sample_id", (double) (1000 + i), "cfg", 7.0);
            List<AlignmentInput.HumanLabel> labels = List.of(
                    new AlignmentInput.HumanLabel(0, i % 3 != 0, 1 + i % 5, Double.NaN, null, null, null));
            rows.add(new AlignmentInput.CodeRow("c" + i, i / 4, "c" + i + ".png", "p", "https://x.org/" + i, params,
                    labels, List.of(), new double[] {i / 40.0}, new double[] {Double.NaN}));
        }
        return new AlignmentInput(rows, List.of(new AlignmentInput.LabelerRow("ann", false)), List.of("zx"), 10,
                false, 0);
    }

    @Test
    void idsSeedsAndConstantsAreNotSlicedByDefault() {
        AlignmentEngine e = new AlignmentEngine(input(), new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false));
        assertEquals(List.of("steps", "strength"), e.numericParams());
        assertEquals(List.of("sample_id", "seed", "steps", "strength"), e.varyingParams(), "cfg never varies");
        AlignmentReport r = e.report();
        assertEquals(List.of("steps", "strength"), List.copyOf(r.slices().params().keySet()));
        assertEquals(List.of("steps", "strength"), r.settings().sliceParams());
        assertEquals(List.of("strength", "steps"), e.defaultGridAxes(), "strength first when it is there");
        assertEquals("strength", r.slices().grid().x());
    }

    @Test
    void theUsersChoiceIsSlicedInItsOrderAndMakesTheToastAxes() {
        ReportOptions options = new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false, List.of("steps", "seed"));
        AlignmentEngine e = new AlignmentEngine(input(), options);
        AlignmentReport r = e.report();
        assertEquals(List.of("steps", "seed"), List.copyOf(r.slices().params().keySet()));
        assertEquals("steps", r.slices().grid().x(), "rows are the first chosen parameter");
        assertEquals("seed", r.slices().grid().y());
        assertEquals(2, r.slices().grid().xBins().size());
        assertEquals(List.of("steps", "seed"), e.numericParams());
    }

    @Test
    void aParameterThatDoesNotVaryOrExistIsNamed() {
        for (String bad : List.of("cfg", "nope")) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> new AlignmentEngine(input(),
                    new ReportOptions(0, 1, 0.5, 0.95, List.of(), null, false, List.of("strength", bad))));
            assertTrue(x.getMessage().contains("--slice " + bad) && x.getMessage().contains("strength"), x.getMessage());
        }
    }

    @Test
    void identifierRule() {
        double[] unique = new double[20];
        double[] continuous = new double[20];
        double[] fewWhole = new double[20];
        for (int i = 0; i < 20; i++) {
            unique[i] = 100 + i;
            continuous[i] = 0.1 + i * 0.013;
            fewWhole[i] = i % 4;
        }
        assertTrue(ParameterBins.identifierLike("batch", unique));
        assertTrue(!ParameterBins.identifierLike("strength", continuous));
        assertTrue(!ParameterBins.identifierLike("steps", fewWhole));
        assertTrue(ParameterBins.identifierLike("seed", fewWhole), "named like a seed");
        assertTrue(ParameterBins.identifierLike("image_id", continuous), "named like an id");
        assertTrue(!ParameterBins.identifierLike("guidance_end", continuous));
    }
}
