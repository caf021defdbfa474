package org.qartalign.eval;

import java.util.Set;

/**
 * One simulated phone capture of a code.
 *
 * @param codePx side in pixels of the code image as it appears in the frame (before tilt)
 * @param framePx side of the square camera frame
 * @param tiltXDeg rotation of the code about the horizontal axis (perspective)
 * @param tiltYDeg rotation about the vertical axis
 * @param rollDeg in-plane rotation
 * @param offsetX horizontal shift of the code from the frame centre, in frame pixels
 * @param offsetY vertical shift
 * @param contrast share of the 0..1 range the code spans (a screen photographed: washed-out blacks)
 * @param gamma exponent applied to the code's values
 * @param lightGradient amplitude of a linear illumination fall-off across the frame (0 = even)
 * @param lightAngleDeg direction of that fall-off
 * @param defocusSigma Gaussian defocus blur, frame pixels (0 = only the softness of resampling)
 * @param motionLength length of a linear motion blur, frame pixels (below 2 = none)
 * @param motionAngleDeg direction of the motion, rounded to a multiple of 45 degrees
 * @param noiseSigma sensor noise standard deviation on the 0..1 scale
 * @param jpegQuality JPEG quality 1..100, or 0 for no compression
 * @param noiseSeed picks this capture's stretch of the fixed noise table
 * @param kinds the perturbations this capture stresses, charged when it fails
 */
public record Capture(int codePx, int framePx, double tiltXDeg, double tiltYDeg, double rollDeg,
                      double offsetX, double offsetY, double contrast, double gamma,
                      double lightGradient, double lightAngleDeg, double defocusSigma,
                      double motionLength, double motionAngleDeg, double noiseSigma, int jpegQuality,
                      int noiseSeed, Set<PerturbationKind> kinds) {
    public Capture {
        kinds = Set.copyOf(kinds);
    }
}
