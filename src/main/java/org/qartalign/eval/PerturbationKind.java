package org.qartalign.eval;

import java.util.Locale;

/** What a simulated phone capture does to the code; failed captures are counted per kind. */
public enum PerturbationKind {
    SMALL, DEFOCUS, MOTION_BLUR, TILT, ROTATION, UNEVEN_LIGHT, LOW_CONTRAST, NOISE, JPEG;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
