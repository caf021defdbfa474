package org.qartalign;

import org.qartalign.cli.QArtAlignCommand;

/**
 * The jar's entry point: a plain class, not a JavaFX Application, so JavaFX on the class path starts and so
 * {@code --help} and the CLI commands never load the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        org.qartalign.eval.TorchDevice.configure();
        int code = QArtAlignCommand.commandLine(db -> org.qartalign.ui.DesktopApp.launch(db)).execute(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
