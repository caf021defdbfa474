package org.qartalign.ui.dashboard;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.Labeler;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.EvalResultRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One code in full: its image, prompt and URL (shown literally), parameters, eval results and every label version. */
final class CodeDetailDialog {
    private CodeDetailDialog() {
    }

    static void show(Database db, String codeId, Window owner) {
        CodeWithPair c = new DatasetRepository(db).find(codeId).orElse(null);
        if (c == null) {
            return;
        }
        ImageView image = new ImageView();
        image.setFitWidth(420);
        image.setFitHeight(420);
        image.setPreserveRatio(true);
        Label imageError = new Label();
        imageError.getStyleClass().add("error-text");
        imageError.setWrapText(true);
        imageError.setMaxWidth(420);
        try {
            image.setImage(SwingFXUtils.toFXImage(CodeImages.read(CodeImages.resolve(db.folder(), c.code().imagePath())), null));
        } catch (Exception e) {
            imageError.setText("This image cannot be shown: " + e.getMessage());
        }
        Map<Long, String> names = new HashMap<>();
        for (Labeler l : new LabelerRepository(db).all()) {
            names.put(l.id(), l.name() + (l.simulated() ? " (simulated)" : ""));
        }
        StringBuilder text = new StringBuilder();
        text.append("Code ").append(c.id()).append("\n\nPrompt: ").append(c.pair().prompt())
                .append("\nURL: ").append(c.url()).append("\nImage: ").append(c.code().imagePath())
                .append("\nParameters: ").append(GalleryPane.paramsText(c)).append("\n\nAutomated evals:\n");
        for (EvalResult r : new EvalResultRepository(db).forCode(codeId)) {
            text.append(String.format(Locale.ROOT, "  %s %s: %s%s%s%n", r.evaluator(), r.version(),
                    r.scanProb() == null ? "" : String.format(Locale.ROOT, "scan p=%.3f ", r.scanProb()),
                    r.aesthetic() == null ? "" : String.format(Locale.ROOT, "aesthetic %.2f ", r.aesthetic()),
                    r.decoded() == null ? "" : "decoded \"" + r.decoded() + "\""));
        }
        text.append("\nEvery label version, oldest first:\n");
        for (org.qartalign.core.Label l : new LabelRepository(db).history(codeId)) {
            text.append(String.format(Locale.ROOT, "  %s  %-22s %-8s scanned=%-5s reason=%-12s score=%s %s%n",
                    l.submittedAt(), names.getOrDefault(l.labelerId(), "?"), l.kind().key(),
                    l.scanned() == null ? "-" : l.scanned(), l.reason() == null ? "-" : l.reason().key(),
                    l.aesthetic() == null ? "-" : l.aesthetic(), l.flags() == null ? "" : l.flags()));
        }
        Label details = new Label(text.toString());
        details.setId("code-detail-text");
        details.getStyleClass().add("figures");
        details.setWrapText(true);
        details.setMaxWidth(620);
        HBox content = new HBox(18, new VBox(8, image, imageError), new ScrollPane(details));
        content.setPadding(new Insets(16));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Code " + codeId);
        Scene scene = new Scene(content, 1120, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
