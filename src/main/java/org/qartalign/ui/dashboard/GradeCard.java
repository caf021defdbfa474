package org.qartalign.ui.dashboard;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.qartalign.eval.GrayImage;
import org.qartalign.eval.GradeScale;
import org.qartalign.eval.QrGrade;
import org.qartalign.eval.QrGrader;
import org.qartalign.eval.QrGrid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * qr-grade's card for one code: the overall grade, every parameter with its measured value and grade, and the
 * image with an overlay of what sampled wrong (red: data modules, orange: fixed-pattern modules, blue: dark
 * quiet-zone modules; the fixed patterns outlined). {@link #read} grades off the UI thread; {@link #node} builds
 * the view on it.
 */
public final class GradeCard {
    /** A grade and the image with its overlay drawn, ready for the UI thread. */
    public record Data(QrGrade grade, Image overlay) {
    }

    private static final String[][] ROWS = {
            {"decode", null, "reference decode"},
            {"symbol_contrast", "symbol_contrast", "symbol contrast"},
            {"modulation", "modulation_mean", "modulation (mean)"},
            {"reflectance_margin", null, "reflectance margin"},
            {"fixed_pattern_damage", null, "fixed patterns"},
            {"finder_tl", "finder_tl_errors", "  finder top-left (wrong)"},
            {"finder_tr", "finder_tr_errors", "  finder top-right (wrong)"},
            {"finder_bl", "finder_bl_errors", "  finder bottom-left (wrong)"},
            {"timing_h", "timing_h_error_rate", "  timing, row 6 (share wrong)"},
            {"timing_v", "timing_v_error_rate", "  timing, column 6 (share wrong)"},
            {"alignment", "alignment_errors", "  alignment (wrong)"},
            {"format_info", "format_info_errors", "format info (bits wrong)"},
            {"version_info", "version_info_errors", "version info (bits wrong)"},
            {"unused_ec", "uec", "unused error correction"},
            {"axial_nonuniformity", "axial_nonuniformity", "axial non-uniformity"},
            {"grid_nonuniformity", "grid_nonuniformity", "grid non-uniformity"},
            {"quiet_zone", "quiet_zone_modules", "quiet zone (modules)"},
    };

    private GradeCard() {
    }

    /** Grades the code and draws the overlay; call off the UI thread. */
    public static Data read(BufferedImage image, String url) {
        QrGrade g = new QrGrader().grade(GrayImage.of(image), url);
        return new Data(g, SwingFXUtils.toFXImage(overlay(image, g), null));
    }

    /** A line that wraps within the card instead of ending in "...". */
    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(CARD_TEXT_WIDTH);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static final double CARD_TEXT_WIDTH = 300;

    /** The card; {@code image} is swapped between the plain image and the overlay by the card's check box. */
    public static Node node(Data data, ImageView image) {
        QrGrade g = data.grade();
        Label title = new Label(String.format(Locale.ROOT, "qr-grade %s  (score %.2f of 4)", g.letter(), g.score()));
        title.setId("grade-card-title");
        title.getStyleClass().add("tile-title");
        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(2);
        int r = 0;
        if (g.overlay() == null) {
            rows.add(wrapped("No symbol for this URL could be placed in the image."), 0, r++, 3, 1);
        } else {
            rows.add(wrapped(String.format(Locale.ROOT, "version %.0f-%s, mask %.0f, %s, %.1f px/module",
                    g.get("version"), "LMQH".charAt((int) g.get("ec_level")), g.get("mask"),
                    g.get("detector_located") == 1 ? "located by ZXing's detector" : "generated-code layout",
                    g.get("module_px"))), 0, r++, 3, 1);
            rows.add(wrapped(String.format(Locale.ROOT, "%.0f of %.0f codewords wrong; worst block %.0f (corrects %.0f)",
                    g.get("codeword_errors"), (double) codewords(g), g.get("worst_block_errors"),
                    g.get("worst_block_capacity") / 2)), 0, r++, 3, 1);
            for (String[] row : ROWS) {
                double grade = g.get(row[0] + "_grade");
                if (Double.isNaN(grade)) {
                    continue;
                }
                Label name = new Label(row[2]);
                Label value = new Label(row[1] == null ? "" : format(g.get(row[1])));
                Label letter = new Label(GradeScale.letter((int) grade));
                letter.setId("grade-" + row[0]);
                letter.setStyle("-fx-font-weight: bold; -fx-text-fill: " + colour((int) grade) + ";");
                rows.addRow(r++, name, value, letter);
            }
        }
        CheckBox show = new CheckBox("Overlay: what sampled wrong");
        show.setId("grade-overlay-toggle");
        Image plain = image.getImage();
        show.selectedProperty().addListener((o, was, on) -> image.setImage(on ? data.overlay() : plain));
        show.setSelected(true);
        Label legend = new Label("red: data modules, orange: fixed patterns, blue: dark quiet zone");
        legend.setWrapText(true);
        VBox card = new VBox(6, title, rows, show, legend);
        card.setId("grade-card");
        card.getStyleClass().add("card");
        card.setPadding(new Insets(8));
        card.setMinWidth(300);
        return card;
    }

    private static int codewords(QrGrade g) {
        return com.google.zxing.qrcode.decoder.Version.getVersionForNumber((int) g.get("version")).getTotalCodewords();
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) > 1 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String colour(int grade) {
        return grade >= 3 ? "#2e7d32" : grade == 2 ? "#9e7c00" : grade == 1 ? "#e65100" : "#c62828";
    }

    /** The image with the wrong modules filled and the fixed patterns outlined, in the image's own pixels. */
    static BufferedImage overlay(BufferedImage src, QrGrade g) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = out.createGraphics();
        gr.drawImage(src, 0, 0, null);
        QrGrade.Overlay o = g.overlay();
        if (o == null) {
            gr.dispose();
            return out;
        }
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int n = o.grid().size();
        gr.setColor(new Color(255, 255, 255, 70));
        gr.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < o.wrong().length; i++) {
            if (o.wrong()[i]) {
                gr.setColor(o.functionModule()[i] ? new Color(255, 140, 0, 190) : new Color(220, 20, 20, 150));
                gr.fill(module(o, i % n, i / n));
            }
        }
        gr.setColor(new Color(30, 90, 230, 150));
        for (int k = 0; k + 1 < o.quietDark().length; k += 2) {
            gr.fill(module(o, o.quietDark()[k], o.quietDark()[k + 1]));
        }
        gr.setStroke(new BasicStroke(Math.max(1.5f, (float) (g.get("module_px") / 5))));
        gr.setColor(new Color(255, 140, 0, 230));
        gr.draw(quad(o, 0, 0, 7, 7));
        gr.draw(quad(o, n - 7, 0, n, 7));
        gr.draw(quad(o, 0, n - 7, 7, n));
        gr.setColor(new Color(0, 160, 80, 200));
        gr.draw(quad(o, 0, 0, n, n));
        gr.dispose();
        return out;
    }

    private static Polygon module(QrGrade.Overlay o, int col, int row) {
        return quad(o, col, row, col + 1, row + 1);
    }

    private static Polygon quad(QrGrade.Overlay o, double c0, double r0, double c1, double r1) {
        QrGrid grid = o.grid();
        double[][] corners = {grid.toImage(c0, r0), grid.toImage(c1, r0), grid.toImage(c1, r1), grid.toImage(c0, r1)};
        Polygon p = new Polygon();
        for (double[] c : corners) {
            p.addPoint((int) Math.round(c[0] * o.pixelScale()), (int) Math.round(c[1] * o.pixelScale()));
        }
        return p;
    }
}
