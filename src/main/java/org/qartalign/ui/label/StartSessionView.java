package org.qartalign.ui.label;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Screen;
import org.qartalign.ui.common.Forms;
import org.qartalign.ui.common.Styles;

import java.util.function.Consumer;

/** The start form of a labeling session. */
public final class StartSessionView extends StackPane {
    public StartSessionView(StartSessionViewModel model, Consumer<StartSessionViewModel.Started> onStart) {
        setId("start-view");
        Label title = new Label("Start labeling");
        title.getStyleClass().add(Styles.TITLE);
        Label intro = Forms.hint("You will see one QR code at a time. Scan it with your phone, then say whether it "
                + "opened the right URL and how beautiful it is. Answers are saved as you type.");

        ComboBox<String> name = new ComboBox<>(model.knownLabelers());
        name.setId("labeler-name");
        name.setEditable(true);
        name.setPromptText("your name");
        name.getEditor().textProperty().bindBidirectional(model.nameProperty());
        name.setMaxWidth(Double.MAX_VALUE);
        TextField phone = new TextField();
        phone.setId("phone-model");
        phone.setPromptText("e.g. iPhone 15");
        phone.textProperty().bindBidirectional(model.phoneProperty());
        TextField app = new TextField();
        app.setId("scanner-app");
        app.setPromptText("e.g. built-in Camera");
        app.textProperty().bindBidirectional(model.scannerAppProperty());
        Spinner<Double> mm = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(10, 300,
                model.displayMmProperty().get(), 1));
        mm.setId("display-mm");
        mm.setEditable(true);
        mm.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.displayMmProperty().set(b);
            }
        });
        model.displayMmProperty().addListener((o, a, b) -> mm.getValueFactory().setValue(b.doubleValue()));
        Rectangle ruler = new Rectangle(10, 6);
        ruler.getStyleClass().add("ruler");
        ruler.widthProperty().bind(model.displayMmProperty().multiply(PhysicalSize.pixels(1, Screen.getPrimary())));
        Label rulerHint = Forms.hint("This bar should measure the code width on your screen; adjust if a ruler disagrees.");

        GridPane form = new GridPane();
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(captions, fields);
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Phone model"), phone);
        form.addRow(2, new Label("Scanner app (optional)"), app);
        form.addRow(3, new Label("Code width (mm)"), mm);
        form.add(ruler, 1, 4);
        form.add(rulerHint, 1, 5);

        Label error = Forms.errorText("start-error");
        Button start = new Button("Start labeling");
        start.setId("start-button");
        start.setDefaultButton(true);
        start.getStyleClass().add(Styles.PRIMARY);
        start.disableProperty().bind(model.validProperty().not());
        start.setOnAction(e -> {
            try {
                onStart.accept(model.start());
            } catch (RuntimeException ex) {
                error.setText(ex.getMessage());
            }
        });
        Label why = new Label();
        why.setId("start-missing");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.MUTED);
        why.textProperty().bind(model.missingProperty());
        HBox startRow = new HBox(14, start, why);
        startRow.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(14, title, intro, form, error, startRow);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(28));
        card.setMaxWidth(560);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setAlignment(Pos.TOP_LEFT);
        getChildren().add(card);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(name::requestFocus);
            }
        });
        setPadding(new Insets(24));
    }
}
