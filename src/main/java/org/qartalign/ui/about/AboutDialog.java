package org.qartalign.ui.about;

import org.qartalign.ui.common.Dialogs;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.qartalign.core.AppVersion;
import org.qartalign.ui.common.Forms;
import org.qartalign.ui.common.Styles;

import java.io.InputStream;

/** Version, the project's licence and the licences of every bundled component. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About QArt Align");
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Forms.styleAs(dialog, owner);
        dialog.getDialogPane().setContent(content());
        dialog.setResizable(true);
        Dialogs.sizeCentred((Stage) dialog.getDialogPane().getScene().getWindow(), 1120, 580);
        Dialogs.showAndWaitSized(dialog, owner);
    }

    static VBox content() {
        Label title = new Label("QArt Align " + AppVersion.current());
        title.setId("about-version");
        title.getStyleClass().add(Styles.TITLE);
        Label what = new Label("Measures how well automated evals of AI-generated QR art agree with human labelers.\n"
                + "Licensed under the Apache License 2.0. Full licence texts: LICENSE and NOTICE "
                + "(installed in /usr/share/doc/qart-align on Linux).");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.getStyleClass().add(Styles.MUTED);
        HBox header = new HBox(16, title);
        try (InputStream icon = AboutDialog.class.getResourceAsStream("icon-64.png")) {
            if (icon != null) {
                header.getChildren().add(0, new ImageView(new Image(icon)));
            }
        } catch (java.io.IOException ignored) {
            // The icon is decoration; the dialog is complete without it.
        }

        GridPane table = new GridPane();
        table.setId("about-components");
        table.setHgap(14);
        table.setVgap(4);
        for (int col = 0; col < 3; col++) {
            ColumnConstraints keepWhole = new ColumnConstraints();
            keepWhole.setMinWidth(Region.USE_PREF_SIZE);
            table.getColumnConstraints().add(keepWhole);
        }
        table.addRow(0, bold("Component"), bold("Version"), bold("Licence"));
        int row = 1;
        for (BundledComponent c : BundledComponent.all()) {
            Label link = new Label(c.homePage());
            link.getStyleClass().add(Styles.MUTED);
            table.addRow(row++, new Label(c.name()), new Label(c.version()), new Label(c.licence()), link);
        }
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox box = new VBox(12, header, what, scroll);
        box.setPadding(new Insets(8));
        box.setPrefWidth(940);
        return box;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
