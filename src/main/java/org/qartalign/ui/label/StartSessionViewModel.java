package org.qartalign.ui.label;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.LabelerRepository;
import org.qartalign.store.SettingRepository;

/** The start form: who labels, with which phone and scanner app, at which code size; remembered for next time. */
public final class StartSessionViewModel {
    public static final double DEFAULT_MM = 50;
    static final String LAST_LABELER = "ui.last_labeler";

    private final LabelerRepository labelers;
    private final SettingRepository settings;
    private final String appVersion;
    private final ObservableList<String> knownLabelers = FXCollections.observableArrayList();
    private final java.util.Map<String, Labeler> labelersByName = new java.util.HashMap<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty scannerApp = new SimpleStringProperty("");
    private final DoubleProperty displayMm = new SimpleDoubleProperty(DEFAULT_MM);
    private final BooleanBinding valid;
    private final StringBinding missing;

    public StartSessionViewModel(Database db, String appVersion) {
        this.labelers = new LabelerRepository(db);
        this.settings = new SettingRepository(db);
        this.appVersion = appVersion;
        for (Labeler l : labelers.all()) {
            labelersByName.put(l.name(), l);
            if (!l.simulated()) {
                knownLabelers.add(l.name());
            }
        }
        name.addListener((o, a, b) -> recall(b));
        settings.get(LAST_LABELER).ifPresent(name::set);
        missing = Bindings.createStringBinding(this::whatIsMissing, name, phone, displayMm);
        valid = Bindings.createBooleanBinding(() -> missing.get().isEmpty(), missing);
    }

    /** Why "Start labeling" is disabled, in the words of the form; empty when the form is complete. */
    private String whatIsMissing() {
        java.util.List<String> needed = new java.util.ArrayList<>();
        if (name.get() == null || name.get().isBlank()) {
            needed.add("your name");
        }
        if (phone.get() == null || phone.get().isBlank()) {
            needed.add("your phone model");
        }
        String text = needed.isEmpty() ? "" : "To start, enter " + String.join(" and ", needed) + ".";
        if (displayMm.get() < 10 || displayMm.get() > 300) {
            text = (text + " The code width must be 10-300 mm.").trim();
        }
        return text;
    }

    private void recall(String labelerName) {
        if (labelerName == null || labelerName.isBlank()) {
            return;
        }
        // Read once when the form opens: typing a name must not query the database on every key stroke.
        java.util.Optional.ofNullable(labelersByName.get(labelerName.trim()))
                .flatMap(l -> labelers.lastSession(l.id())).ifPresent(s -> {
                    phone.set(s.phoneModel() == null ? "" : s.phoneModel());
                    scannerApp.set(s.scannerApp() == null ? "" : s.scannerApp());
                    displayMm.set(s.displayMm() > 0 ? s.displayMm() : DEFAULT_MM);
                });
    }

    /** Opens a labeling session for the form's values; a name already used by a simulated labeler is refused. */
    public Started start() {
        if (!valid.get()) {
            throw new IllegalArgumentException(missing.get());
        }
        Labeler l = labelers.getOrCreate(name.get().trim(), false);
        if (l.simulated()) {
            throw new IllegalArgumentException("'" + l.name() + "' is a simulated labeler; choose another name.");
        }
        LabelingSession s = labelers.startSession(l.id(), phone.get().trim(), scannerApp.get().trim(), displayMm.get(),
                appVersion);
        settings.put(LAST_LABELER, l.name());
        return new Started(l, s);
    }

    public record Started(Labeler labeler, LabelingSession session) {
    }

    public ObservableList<String> knownLabelers() {
        return knownLabelers;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty scannerAppProperty() {
        return scannerApp;
    }

    public DoubleProperty displayMmProperty() {
        return displayMm;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringBinding missingProperty() {
        return missing;
    }
}
