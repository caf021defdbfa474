package org.qartalign.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.qartalign.cli.Version;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.ui.common.Styles;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.dashboard.DashboardView;
import org.qartalign.ui.dashboard.DashboardViewModel;
import org.qartalign.ui.label.LabelingView;
import org.qartalign.ui.label.LabelingViewModel;
import org.qartalign.ui.label.PhysicalSize;
import org.qartalign.ui.label.StartSessionView;
import org.qartalign.ui.label.StartSessionViewModel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The desktop application: opens the database (creating the demo on first run), then the labeling screens. */
public final class QArtAlignApp extends Application {
    static Path database = Path.of("labels.db");

    private final StackPane root = new StackPane();
    private UiExecutors executors;
    private Database db;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        executors = UiExecutors.forApp(Platform::runLater);
        root.setId("app-root");
        var bounds = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, bounds.getWidth()), Math.min(860, bounds.getHeight() - 30));
        scene.getStylesheets().add(QArtAlignApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("QArt Align - " + database.toAbsolutePath().normalize());
        stage.setScene(scene);
        stage.show();
        showBusy("Opening " + database.toAbsolutePath().normalize() + " ...", null);
        Task<Database> open = new Task<>() {
            @Override
            protected Database call() {
                org.qartalign.store.NetworkShare.warning(database).ifPresent(System.err::println);
                Database opened = Database.open(database);
                new org.qartalign.store.SafetyCopies(opened.file()).takeIfDue(opened);
                return opened;
            }
        };
        open.setOnSucceeded(e -> {
            db = open.getValue();
            afterOpen();
        });
        open.setOnFailed(e -> showFatal(open.getException()));
        executors.background().execute(open);
    }

    private void afterOpen() {
        Task<Integer> count = new Task<>() {
            @Override
            protected Integer call() {
                return new DatasetRepository(db).countCodes();
            }
        };
        count.setOnSucceeded(e -> {
            if (count.getValue() == 0) {
                createDemo();
            } else {
                showMain();
            }
        });
        count.setOnFailed(e -> showFatal(count.getException()));
        executors.background().execute(count);
    }

    private void createDemo() {
        Task<Void> demo = FirstRun.demoTask(db);
        ProgressBar bar = showBusy("Creating the demo dataset: 2,000 prompt-URL pairs and their QR-art codes ...", demo);
        bar.progressProperty().bind(demo.progressProperty());
        demo.setOnSucceeded(e -> showMain());
        demo.setOnFailed(e -> showFatal(demo.getException()));
        demo.setOnCancelled(e -> Platform.exit());
        executors.background().execute(demo);
    }

    private void showMain() {
        window = new MainWindow();
        window.addMode("label", "Label", () -> new StartSessionView(new StartSessionViewModel(db, Version.current()),
                this::showLabeling));
        window.addMode("dashboard", "Dashboard", () -> {
            DashboardViewModel vm = new DashboardViewModel(db, executors);
            vm.refresh();
            return new DashboardView(vm);
        });
        window.addAction("theme-toggle", "Dark theme", this::toggleTheme);
        root.getChildren().setAll(window);
        window.open("label");
    }

    private void toggleTheme() {
        var classes = root.getScene().getRoot().getStyleClass();
        if (classes.contains("dark")) {
            classes.remove("dark");
        } else {
            classes.add("dark");
        }
    }

    private void showLabeling(StartSessionViewModel.Started started) {
        Task<LabelingWorkflow> prepare = new Task<>() {
            @Override
            protected LabelingWorkflow call() {
                return new LabelingWorkflow(db, started.labeler(), started.session(), Clock.systemUTC());
            }
        };
        prepare.setOnSucceeded(e -> {
            LabelingViewModel vm = new LabelingViewModel(prepare.getValue(), executors, imageLoader(db));
            double px = PhysicalSize.pixels(started.session().displayMm(), Screen.getPrimary());
            LabelingView view = new LabelingView(vm, px);
            window.replace("label", view);
        });
        prepare.setOnFailed(e -> showFatal(prepare.getException()));
        executors.background().execute(prepare);
    }

    /** Reads a code's image safely and converts it for JavaFX, or says why it cannot be shown. */
    static LabelingViewModel.ImageLoader imageLoader(Database db) {
        Map<String, CodeWithPair> codes = new DatasetRepository(db).codes().stream()
                .collect(Collectors.toMap(CodeWithPair::id, Function.identity()));
        return codeId -> {
            CodeWithPair c = codes.get(codeId);
            if (c == null) {
                return new LabelingViewModel.LoadedImage(null, "Code " + codeId + " is not in the database.");
            }
            Path file = CodeImages.resolve(db.folder(), c.code().imagePath());
            try {
                return new LabelingViewModel.LoadedImage(SwingFXUtils.toFXImage(CodeImages.read(file), null), null);
            } catch (IOException | RuntimeException e) {
                return new LabelingViewModel.LoadedImage(null, e.getMessage());
            }
        };
    }

    private ProgressBar showBusy(String text, Task<?> cancellable) {
        Label label = new Label(text);
        label.setWrapText(true);
        ProgressBar bar = new ProgressBar(-1);
        bar.setId("busy-progress");
        bar.setPrefWidth(420);
        VBox box = new VBox(14, label, bar);
        if (cancellable != null) {
            Label detail = new Label();
            detail.getStyleClass().add(Styles.MUTED);
            detail.textProperty().bind(cancellable.messageProperty());
            Button cancel = new Button("Cancel");
            cancel.setId("busy-cancel");
            cancel.setOnAction(e -> cancellable.cancel());
            box.getChildren().addAll(detail, cancel);
        }
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(520, VBox.USE_PREF_SIZE);
        box.setPadding(new Insets(28));
        box.getStyleClass().add(Styles.CARD);
        root.getChildren().setAll(box);
        return bar;
    }

    private void showFatal(Throwable t) {
        Label label = new Label("QArt Align cannot continue:\n" + t.getMessage());
        label.setId("fatal-error");
        label.setWrapText(true);
        label.getStyleClass().add(Styles.ERROR_TEXT);
        Button quit = new Button("Quit");
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, label, quit);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(640, VBox.USE_PREF_SIZE);
        box.setPadding(new Insets(28));
        box.getStyleClass().add(Styles.CARD);
        root.getChildren().setAll(box);
    }

    @Override
    public void stop() {
        if (executors != null) {
            executors.shutdown();
        }
        if (db != null) {
            db.close();
        }
    }
}
