package org.qartalign.ui.dataset;

import org.qartalign.ui.common.Dialogs;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.qartalign.dataset.FolderImport;
import org.qartalign.eval.ImageUrlReader;
import org.qartalign.ui.common.Forms;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks what {@code import-folders} asks: the folder, which folder names mean which answers, who sorted the images
 * with which phone, and where the URLs come from. A bad field keeps the dialog open with the problem named.
 */
final class FolderImportDialog {
    private FolderImportDialog() {
    }

    static Optional<FolderImport.Options> show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import sorted folders");
        dialog.setHeaderText("Codes and labels from images a person sorted into folders");
        TextField folder = field("folder", "", "the folder holding valid/, invalid/, good/, bad/ or 1/ to 5/", 30);
        Button browse = new Button("Browse ...");
        browse.setId("folders-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File f = Dialogs.choose(dialog.getDialogPane().getScene().getWindow(), chooser::showDialog);
            if (f != null) {
                folder.setText(f.getPath());
            }
        });
        TextField scan = field("scan", "valid=scanned,invalid=not-scanned", "e.g. valid=scanned,invalid=not-scanned", 30);
        TextField aesthetic = field("aesthetic", "good=5,bad=2", "e.g. good=5,bad=2; empty: folders 1 to 5", 30);
        TextField labeler = field("labeler", "", "who sorted the images", 18);
        TextField phone = field("phone", "", "the phone the scan answers were found with", 18);
        TextField url = field("url", "", "one URL for every code not in urls.csv", 30);
        CheckBox decode = new CheckBox("Decode the URL of codes not in urls.csv from the image");
        decode.setId("folders-decode");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Folder"), new HBox(8, folder, browse));
        grid.addRow(1, new Label("Scan answers"), scan);
        grid.addRow(2, new Label("Aesthetic scores"), aesthetic);
        grid.addRow(3, new Label("Labeler"), labeler);
        grid.addRow(4, new Label("Phone"), phone);
        grid.addRow(5, new Label("URL"), url);
        grid.add(decode, 1, 6);
        Label hint = Forms.hint("Prompts come from prompts.csv (file,prompt) or the file name, URLs from urls.csv "
                + "(file,url). The same image in valid/ and in good/ gets both answers. Nothing is stored unless "
                + "every file is fine; importing the folder again changes nothing.");
        hint.setPrefWidth(560);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Label error = Forms.errorText("folders-error");
        error.setPrefWidth(560);
        error.setMinHeight(Region.USE_PREF_SIZE);
        Forms.okCancel(dialog, owner, hint, grid, error);
        javafx.application.Platform.runLater(folder::requestFocus);
        FolderImport.Options[] chosen = {null};
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("folders-import");
        ok.setText("Import");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                chosen[0] = options(folder.getText(), scan.getText(), aesthetic.getText(), labeler.getText(),
                        phone.getText(), url.getText(), decode.isSelected());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage().replaceFirst("^--scan ", "Scan answers: ")
                        .replaceFirst("^--aesthetic ", "Aesthetic scores: ").replaceFirst("^--labeler: ", "Labeler: ")
                        .replaceFirst("^--url: ", "URL: "));
                e.consume();
            }
        });
        return Dialogs.showAndWait(dialog, owner).filter(b -> b == ButtonType.OK).map(b -> chosen[0]);
    }

    /** The form's fields as import options; a bad field throws naming it. */
    static FolderImport.Options options(String folder, String scan, String aesthetic, String labeler, String phone,
                                        String url, boolean decode) {
        if (folder.isBlank() || !Files.isDirectory(Path.of(folder.trim()))) {
            throw new IllegalArgumentException("Folder: choose the folder that holds the sorted folders");
        }
        FolderImport.Options o = FolderImport.Options.of(Path.of(folder.trim()), labeler)
                .withScan(FolderImport.parseScan(scan))
                .withAesthetic(FolderImport.parseAesthetic(aesthetic))
                .withSession(phone, null)
                .withUrl(url);
        if (decode) {
            ImageUrlReader reader = new ImageUrlReader();
            o = o.withUrlReader(reader::read);
        }
        return o;
    }

    private static TextField field(String id, String value, String prompt, int columns) {
        TextField f = new TextField(value);
        f.setId("folders-" + id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }
}
