package org.qartalign.ui.label;

import javafx.stage.Screen;

/** Converts a physical width on the labeler's screen to JavaFX's logical pixels. */
public final class PhysicalSize {
    private PhysicalSize() {
    }

    public static double pixels(double millimetres, Screen screen) {
        double dpi = screen.getDpi() > 0 ? screen.getDpi() : 96;
        double scale = screen.getOutputScaleX() > 0 ? screen.getOutputScaleX() : 1;
        return millimetres / 25.4 * dpi / scale;
    }
}
