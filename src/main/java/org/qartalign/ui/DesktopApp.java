package org.qartalign.ui;

import java.nio.file.Path;

/** Starts the JavaFX application on a database. */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static int launch(Path db) {
        System.err.println("The desktop app is not built yet; database " + db);
        return 1;
    }
}
