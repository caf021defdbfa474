package org.qartalign.ui.dashboard;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One code in full: its image, qr-grade card, prompt and URL (shown literally), parameters, eval results and every label version,
 * as {@link GalleryViewModel#detail} read them off the UI thread. Esc closes it.
 */
final class CodeDetailDialog {
    private CodeDetailDialog() {
    }

    static Stage show(GalleryViewModel.CodeDetail detail, Window owner) {
        ImageView image = new ImageView(detail.image());
        image.setFitWidth(420);
        image.setFitHeight(420);
        image.setPreserveRatio(true);
        Label imageError = new Label(detail.imageError() == null ? "" : detail.imageError());
        imageError.getStyleClass().add("error-text");
        imageError.setWrapText(true);
        imageError.setMaxWidth(420);
        Label details = new Label(detail.text());
        details.setId("code-detail-text");
        details.getStyleClass().add("figures");
        details.setWrapText(true);
        details.setMaxWidth(620);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        HBox content = new HBox(18, new VBox(8, image, imageError), scroll);
        if (detail.grade() != null) {
            content.getChildren().add(1, GradeCard.node(detail.grade(), image));
        }
        content.setId("code-detail");
        content.setPadding(new Insets(16));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Code " + detail.codeId() + " (Esc closes)");
        Scene scene = new Scene(content, detail.grade() == null ? 1120 : 1340, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            content.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        org.qartalign.ui.common.Dialogs.sizeCentred(stage, scene.getWidth(), scene.getHeight() + 40);
        stage.show();
        return stage;
    }
}
