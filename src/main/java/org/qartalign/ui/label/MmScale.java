package org.qartalign.ui.label;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/** A small ruler in millimetres, drawn at the session's scale, so a labeler can check the code size at any time. */
final class MmScale {
    private MmScale() {
    }

    /** A scale as long as the code is wide (at most 100 mm), a tick every 5 mm and a number every 10 mm. */
    static Node of(double codeMm, double pixelsPerMm) {
        int mm = (int) Math.min(100, Math.max(10, Math.floor(codeMm / 10) * 10));
        Group g = new Group();
        g.setId("mm-scale");
        double length = mm * pixelsPerMm;
        g.getChildren().add(tick(new Line(0, 0, length, 0)));
        for (int i = 0; i <= mm; i += 5) {
            double x = i * pixelsPerMm;
            g.getChildren().add(tick(new Line(x, 0, x, i % 10 == 0 ? 8 : 4)));
            if (i % 10 == 0) {
                Label n = new Label(i == mm ? i + " mm" : String.valueOf(i));
                n.getStyleClass().add("mm-scale-text");
                n.setLayoutX(x - 4);
                n.setLayoutY(9);
                g.getChildren().add(n);
            }
        }
        return g;
    }

    private static Line tick(Line l) {
        l.getStyleClass().add("mm-scale-line");
        return l;
    }
}
