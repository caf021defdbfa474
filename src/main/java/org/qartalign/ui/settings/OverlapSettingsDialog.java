package org.qartalign.ui.settings;

import org.qartalign.ui.common.Dialogs;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.qartalign.labeling.OverlapPolicy;
import org.qartalign.ui.common.Forms;

import java.util.Locale;

/**
 * The dataset's overlap policy, as the {@code configure} command sets it: labels per code, the share of codes that
 * get several labelers and how many, and the hidden re-test share. Values are checked by {@link OverlapPolicy}; a
 * bad one keeps the dialog open with the field named.
 */
public final class OverlapSettingsDialog {
    private OverlapSettingsDialog() {
    }

    public static void show(Window owner, OverlapSettingsViewModel model) {
        model.load(current -> show(owner, model, current), message -> alert(owner, message));
    }

    private static void alert(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Labeling policy");
        Dialogs.show(alert, owner);
    }

    private static void show(Window owner, OverlapSettingsViewModel model, OverlapPolicy current) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Labeling policy");
        dialog.setHeaderText("How codes are shared among labelers in " + model.databaseName());
        dialog.setResizable(true);
        TextField perCode = field("labels-per-code", String.valueOf(current.labelsPerCode()));
        TextField share = field("overlap-share", format(current.overlapShare()));
        TextField overlapLabelers = field("overlap-labelers", String.valueOf(current.overlapLabelers()));
        TextField retest = field("retest-share", format(current.retestShare()));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Labels per code"), perCode);
        grid.addRow(1, new Label("Share of codes with several labelers (0-1)"), share);
        grid.addRow(2, new Label("Labelers on those codes"), overlapLabelers);
        grid.addRow(3, new Label("Hidden re-test share (0-1)"), retest);
        Label error = Forms.errorText("policy-error");
        Label hint = Forms.hint("Codes that several people label give the human-human ceiling the evals are measured "
                + "against; re-tests give each labeler's test-retest agreement. Labelers cannot tell which codes are which.");
        hint.setMaxWidth(480);
        Forms.okCancel(dialog, owner, hint, grid, error);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("policy-save");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                OverlapPolicy policy = new OverlapPolicy(integer(perCode, "labels per code"), number(share,
                        "share of codes"), integer(overlapLabelers, "labelers on those codes"), number(retest,
                        "re-test share"));
                model.save(policy, message -> alert(owner, message));
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        ButtonBar.setButtonUniformSize(ok, true);
        Dialogs.showAndWait(dialog, owner);
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId("policy-" + id);
        f.setPrefColumnCount(6);
        return f;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static int integer(TextField f, String name) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + f.getText() + "'");
        }
    }

    private static double number(TextField f, String name) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + f.getText() + "'");
        }
    }
}
