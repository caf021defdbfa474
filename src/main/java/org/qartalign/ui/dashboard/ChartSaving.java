package org.qartalign.ui.dashboard;

import org.qartalign.ui.common.Dialogs;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** Every chart can be saved as PNG from its context menu. */
public final class ChartSaving {
    private ChartSaving() {
    }

    public static void install(Node chart, String fileName) {
        MenuItem save = new MenuItem("Save as PNG ...");
        ContextMenu menu = new ContextMenu(save);
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(fileName + ".png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File f = Dialogs.choose(chart.getScene().getWindow(), chooser::showSaveDialog);
            if (f != null) {
                try {
                    save(chart, f.toPath());
                } catch (IOException ex) {
                    Dialogs.show(new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.ERROR, "Could not save " + f + ": "
                            + ex.getMessage()), chart.getScene().getWindow());
                }
            }
        });
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    /** Writes a snapshot of the node as PNG (UI thread). */
    public static void save(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(new SnapshotParameters(), null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }
}
