package org.qartalign.ui;

import javafx.application.Application;

import java.nio.file.Path;

/** Starts the JavaFX application on a database. */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static int launch(Path db) {
        QArtAlignApp.database = db;
        Application.launch(QArtAlignApp.class);
        return 0;
    }
}
