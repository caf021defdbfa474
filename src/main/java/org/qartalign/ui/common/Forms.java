package org.qartalign.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The pieces the app's forms and dialogs share, built once so they look and behave alike. */
public final class Forms {
    private Forms() {
    }

    /** A wrapped message in the error style, empty until a check fails; {@code id} lets tests find it. */
    public static Label errorText(String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        return error;
    }

    /** A wrapped explanation in the muted style. */
    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        return hint;
    }

    /** Gives the dialog the stylesheets of the window that opens it, so it follows the app's theme. */
    public static void styleAs(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    /** The frame of a form dialog: its parts stacked with the app's spacing, OK and Cancel, the owner's theme. */
    public static void okCancel(Dialog<?> dialog, Window owner, Node... content) {
        VBox box = new VBox(12, content);
        box.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        styleAs(dialog, owner);
    }
}
