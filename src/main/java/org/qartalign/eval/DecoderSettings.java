package org.qartalign.eval;

/**
 * How hard ZXing tries on one image.
 *
 * @param tryHarder ZXing's TRY_HARDER hint: scans every row for finder patterns, slower on failures
 * @param globalHistogramFallback retry with the global-histogram binarizer when the hybrid one finds nothing
 * @param characterSet assumed charset of byte segments without ECI, or null to let ZXing guess
 */
public record DecoderSettings(boolean tryHarder, boolean globalHistogramFallback, String characterSet) {
    /** For one decode of a still image: every effort, since it is done once. */
    public static final DecoderSettings THOROUGH = new DecoderSettings(true, true, null);
}
