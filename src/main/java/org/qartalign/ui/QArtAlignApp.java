package org.qartalign.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.qartalign.core.AppVersion;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.ui.about.AboutDialog;
import org.qartalign.ui.common.Styles;
import org.qartalign.ui.common.Tasks;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.dashboard.DashboardView;
import org.qartalign.ui.settings.OverlapSettingsDialog;
import org.qartalign.ui.settings.OverlapSettingsViewModel;
import org.qartalign.ui.dashboard.DashboardViewModel;
import org.qartalign.ui.dataset.DatasetPane;
import org.qartalign.ui.dataset.DatasetViewModel;
import org.qartalign.eval.ModelFolders;
import org.qartalign.ui.label.LabelingView;
import org.qartalign.ui.label.LabelingViewModel;
import org.qartalign.ui.label.PhysicalSize;
import org.qartalign.ui.label.StartSessionView;
import org.qartalign.ui.label.StartSessionViewModel;
import org.qartalign.ui.window.StageSizing;
import org.qartalign.ui.window.UserSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The desktop application: opens the database (creating the demo on first run), then the labeling screens. */
public final class QArtAlignApp extends Application {
    static Path database = Path.of("labels.db");
    static final String OPEN_SCREEN = "qartalign.open";
    /** Skips the start form and labels as this person: for benchmarks and screenshots. */
    static final String AUTO_LABELER = "qartalign.autoLabeler";
    static final String STARTUP_PROBE = "qartalign.startupProbe";
    /** Prints {@code CODE_PAINTED <code> <microseconds since the last key press>} per code (bench/labeling-latency.sh). */
    static final String LATENCY_PROBE = "qartalign.latencyProbe";
    /** The user setting for the labeling guard time, in ms (0-1000). */
    static final String GUARD_MS = "labeling.guard_ms";

    private final StackPane root = new StackPane();
    private UiExecutors executors;
    private Database db;
    private MainWindow window;
    private DashboardViewModel dashboard;
    private LabelingViewModel labeling;
    private Stage stage;
    private final UserSettings userSettings = UserSettings.forUser();
    private StageSizing stageSizing;

    @Override
    public void start(Stage stage) {
        executors = UiExecutors.forApp(Platform::runLater);
        root.setId("app-root");
        Scene scene = new Scene(root);
        stage.getIcons().add(new Image(AboutDialog.class.getResource("icon-64.png").toExternalForm()));
        this.stage = stage;
        scene.getStylesheets().add(QArtAlignApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("QArt Align - " + database.toAbsolutePath().normalize());
        stage.setScene(scene);
        stageSizing = StageSizing.install(stage, userSettings);
        stage.show();
        showBusy("Opening " + database.toAbsolutePath().normalize() + " ...");
        Tasks.create(() -> {
                    org.qartalign.store.NetworkShare.warning(database).ifPresent(System.err::println);
                    Database opened = Database.open(database);
                    try {
                        new org.qartalign.store.SafetyCopies(opened.file()).takeIfDue(opened);
                    } catch (RuntimeException e) {
                        // Labeling goes on without today's safety copy; the labels themselves are safe in the database.
                        System.err.println("warning: no safety copy was taken: " + e.getMessage());
                    }
                    return opened;
                })
                .onSuccess(opened -> {
                    db = opened;
                    afterOpen();
                })
                .onError(Throwable.class, this::showFatal)
                .run(executors);
    }

    private void afterOpen() {
        Tasks.create(() -> new DatasetRepository(db).countCodes())
                .onSuccess(codes -> {
                    if (codes == 0) {
                        createDemo();
                    } else {
                        showMain();
                    }
                })
                .onError(Throwable.class, this::showFatal)
                .run(executors);
    }

    private void createDemo() {
        Busy busy = showBusy("Creating the demo dataset: 2,000 prompt-URL pairs and their QR-art codes ...");
        Tasks.Running demo = Tasks.create(FirstRun.demo(db))
                .onProgress(p -> {
                    busy.bar().setProgress(p.fraction());
                    busy.detail().setText(p.message());
                })
                .onSuccess(v -> showMain())
                .onCancelled(Platform::exit)
                .onError(Throwable.class, this::showFatal)
                .run(executors);
        busy.offerCancel(demo::cancel);
    }

    private void showMain() {
        window = new MainWindow();
        window.addMode("label", "Label", () -> new StartSessionView(new StartSessionViewModel(db, AppVersion.current()),
                this::showLabeling));
        window.addMode("dashboard", "Dashboard", () -> new DashboardView(dashboard()));
        window.addMode("dataset", "Dataset", () -> {
            DashboardViewModel dash = dashboard();
            return new DatasetPane(new DatasetViewModel(db, executors, ModelFolders.defaultFolder(QArtAlignApp.class),
                    dash::refresh), dash);
        });
        window.addAction("policy-settings", "Labeling policy", () -> OverlapSettingsDialog.show(stage, new OverlapSettingsViewModel(db, executors)));
        window.addAction("theme-toggle", "Dark theme", this::toggleTheme);
        window.addAction("about-link", "About", () -> AboutDialog.show(stage));
        root.getChildren().setAll(window);
        window.open("label");
        String autoLabeler = System.getProperty(AUTO_LABELER);
        if (autoLabeler != null && !autoLabeler.isBlank()) {
            StartSessionViewModel vm = new StartSessionViewModel(db, AppVersion.current());
            vm.nameProperty().set(autoLabeler);
            if (vm.phoneProperty().get().isBlank()) {
                vm.phoneProperty().set("unspecified (" + AUTO_LABELER + ")");
            }
            showLabeling(vm.start());
        } else if (System.getProperty(STARTUP_PROBE) != null) {
            System.out.println("START_FORM_SHOWN");
        }
        if ("dark".equals(System.getProperty("qartalign.theme"))) {
            toggleTheme();
        }
        openRequestedScreen(System.getProperty(OPEN_SCREEN));
    }

    /** Screenshot hook (packaging/screenshots.sh): {@code -Dqartalign.open=dashboard/toast} opens that mode and tab. */
    private void openRequestedScreen(String request) {
        if (request == null || request.isBlank()) {
            return;
        }
        String[] parts = request.split("/", 2);
        window.open(parts[0]);
        if (parts.length == 2 && window.getCenter() instanceof DashboardView d) {
            d.tabs().getTabs().stream().filter(t -> ("tab-" + parts[1]).equals(t.getId())).findFirst()
                    .ifPresent(t -> d.tabs().getSelectionModel().select(t));
        }
        if (!parts[0].equals("dashboard")) {
            return;
        }
        dashboard().reportProperty().addListener((o, a, r) -> {
            if (r != null && System.getProperty(STARTUP_PROBE) != null) {
                Platform.runLater(() -> System.out.println("REPORT_SHOWN " + millisSinceStart() + " ms "
                        + dashboard().statusProperty().get()));
            }
        });
    }

    /** The one dashboard model, made on first use; its report is computed in the background. */
    private DashboardViewModel dashboard() {
        if (dashboard == null) {
            dashboard = new DashboardViewModel(db, executors);
            dashboard.refresh();
        }
        return dashboard;
    }

    private void toggleTheme() {
        var classes = root.getScene().getRoot().getStyleClass();
        boolean dark = !classes.contains("dark");
        if (dark) {
            classes.add("dark");
        } else {
            classes.remove("dark");
        }
        if (root.lookup("#theme-toggle") instanceof javafx.scene.control.Button b) {
            b.setText(dark ? "Light theme" : "Dark theme");
        }
    }

    private void showLabeling(StartSessionViewModel.Started started) {
        Tasks.create(() -> new LabelingWorkflow(db, started.labeler(), started.session(), Clock.systemUTC()))
                .onSuccess(workflow -> showLabelingScreen(workflow, started))
                .onError(Throwable.class, this::showFatal)
                .run(executors);
    }

    private void showLabelingScreen(LabelingWorkflow workflow, StartSessionViewModel.Started started) {
        LabelingViewModel vm = new LabelingViewModel(workflow, executors, imageLoader(db),
                guardMillis(userSettings), System::nanoTime);
        labeling = vm;
        double px = PhysicalSize.pixels(started.session().displayMm(), Screen.getPrimary());
        LabelingView view = new LabelingView(vm, px);
        window.replace("label", view);
        if (System.getProperty(LATENCY_PROBE) != null) {
            view.setOnPainted((code, nanos) -> System.out.printf("CODE_PAINTED %s %d%n", code, nanos / 1000));
        }
        if (System.getProperty(STARTUP_PROBE) != null) {
            reportFirstCode(vm, root.getScene());
        }
    }

    /**
     * Benchmark hook (bench/startup.sh): prints {@code FIRST_CODE_SHOWN <ms since process start>} once the first
     * code image has been laid out on screen (and {@code START_FORM_SHOWN} for the start form); with the value
     * {@code exit} the app then quits.
     */
    private static void reportFirstCode(LabelingViewModel vm, Scene scene) {
        Runnable[] afterPulse = new Runnable[1];
        afterPulse[0] = () -> {
            if (vm.imageProperty().get() == null) {
                return;
            }
            scene.removePostLayoutPulseListener(afterPulse[0]);
            System.out.println("FIRST_CODE_SHOWN " + millisSinceStart());
            System.out.flush();
            if ("exit".equals(System.getProperty(STARTUP_PROBE))) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(afterPulse[0]);
        vm.imageProperty().addListener((o, a, b) -> Platform.requestNextPulse());
    }

    private static long millisSinceStart() {
        long started = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        return System.currentTimeMillis() - started;
    }

    static long guardMillis(UserSettings settings) {
        return settings.number(GUARD_MS).map(Math::round).map(ms -> Math.max(0, Math.min(1000, ms)))
                .orElse(LabelingViewModel.DEFAULT_GUARD_MS);
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

    /** The busy card: a progress bar, a line of detail, and a cancel button once there is something to cancel. */
    private record Busy(VBox box, ProgressBar bar, Label detail) {
        void offerCancel(Runnable cancel) {
            Button button = new Button("Cancel");
            button.setId("busy-cancel");
            button.setOnAction(e -> cancel.run());
            box.getChildren().add(button);
        }
    }

    private Busy showBusy(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        ProgressBar bar = new ProgressBar(-1);
        bar.setId("busy-progress");
        bar.setPrefWidth(420);
        Label detail = new Label();
        detail.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(14, label, bar, detail);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(520, VBox.USE_PREF_SIZE);
        box.setPadding(new Insets(28));
        box.getStyleClass().add(Styles.CARD);
        root.getChildren().setAll(box);
        return new Busy(box, bar, detail);
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
        if (stageSizing != null) {
            stageSizing.save();
        }
        if (labeling != null) {
            labeling.flush();
        }
        if (executors != null) {
            executors.shutdown();
        }
        if (db != null) {
            db.close();
        }
    }
}
