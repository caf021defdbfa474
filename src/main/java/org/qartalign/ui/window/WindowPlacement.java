package org.qartalign.ui.window;

import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window opens: where this user left it (if that is still on a screen), else maximised on a small
 * screen, else a large centred window. Plain geometry, tested without a toolkit.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 560;
    /** At or below this visual area the window opens maximised: a smaller window would crowd the labeling screen. */
    static final double SMALL_WIDTH = 1440;
    static final double SMALL_HEIGHT = 900;
    private static final String PREFIX = "window.";

    /** The first placement for a screen's visual bounds (the desktop without panels and docks). */
    public static WindowPlacement firstRun(Rectangle2D screen) {
        if (screen.getWidth() <= SMALL_WIDTH || screen.getHeight() <= SMALL_HEIGHT) {
            WindowPlacement restored = centred(screen, Math.min(screen.getWidth(), Math.max(MIN_WIDTH, screen.getWidth() * 0.9)),
                    Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, screen.getHeight() * 0.9)));
            return new WindowPlacement(restored.x, restored.y, restored.width, restored.height, true);
        }
        double w = Math.max(1280, screen.getWidth() * 0.8);
        double h = Math.max(860, screen.getHeight() * 0.85);
        return centred(screen, Math.min(w, screen.getWidth()), Math.min(h, screen.getHeight()));
    }

    /**
     * The remembered placement, kept inside the screen it is mostly on and at least the minimum size; the first-run
     * placement when nothing is remembered or the remembered window is on no screen any more (a monitor unplugged).
     */
    public static WindowPlacement restore(Optional<WindowPlacement> saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (saved.isEmpty()) {
            return firstRun(primary);
        }
        WindowPlacement s = saved.get();
        Rectangle2D on = null;
        double best = 0;
        for (Rectangle2D r : screens) {
            double overlap = overlap(r, s);
            if (overlap > best) {
                best = overlap;
                on = r;
            }
        }
        if (on == null || best < 0.25 * s.width * s.height) {
            return firstRun(primary);
        }
        double w = clamp(s.width, Math.min(MIN_WIDTH, on.getWidth()), on.getWidth());
        double h = clamp(s.height, Math.min(MIN_HEIGHT, on.getHeight()), on.getHeight());
        double x = clamp(s.x, on.getMinX(), on.getMaxX() - w);
        double y = clamp(s.y, on.getMinY(), on.getMaxY() - h);
        return new WindowPlacement(x, y, w, h, s.maximized);
    }

    private static WindowPlacement centred(Rectangle2D screen, double w, double h) {
        return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false);
    }

    private static double overlap(Rectangle2D r, WindowPlacement p) {
        double w = Math.min(r.getMaxX(), p.x + p.width) - Math.max(r.getMinX(), p.x);
        double h = Math.min(r.getMaxY(), p.y + p.height) - Math.max(r.getMinY(), p.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The placement saved in the user's settings, if one is complete. */
    public static Optional<WindowPlacement> load(UserSettings settings) {
        Optional<Double> x = settings.number(PREFIX + "x");
        Optional<Double> y = settings.number(PREFIX + "y");
        Optional<Double> w = settings.number(PREFIX + "width");
        Optional<Double> h = settings.number(PREFIX + "height");
        if (x.isEmpty() || y.isEmpty() || w.isEmpty() || h.isEmpty() || w.get() <= 0 || h.get() <= 0) {
            return Optional.empty();
        }
        boolean max = settings.get(PREFIX + "maximized").map(Boolean::parseBoolean).orElse(false);
        return Optional.of(new WindowPlacement(x.get(), y.get(), w.get(), h.get(), max));
    }

    public void store(UserSettings settings) {
        settings.put(PREFIX + "x", String.valueOf(x));
        settings.put(PREFIX + "y", String.valueOf(y));
        settings.put(PREFIX + "width", String.valueOf(width));
        settings.put(PREFIX + "height", String.valueOf(height));
        settings.put(PREFIX + "maximized", String.valueOf(maximized));
    }
}
