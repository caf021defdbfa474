package org.qartalign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The root command. With no subcommand it opens the desktop app through {@link #openApp}, which the launcher
 * supplies so that this package never loads JavaFX.
 */
@Command(name = "qart-align", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Aligns automated evals of AI-generated QR art with human judgment.%n"
                + "With no command, opens the labeling app (creating the demo dataset on first run).",
        subcommands = {CommandLine.HelpCommand.class,
                DemoCommand.class,
                ImportCommand.class,
                ImportFoldersCommand.class,
                ExportCommand.class,
                EvalCommand.class,
                EvalImagesCommand.class,
                ModelsCommand.class,
                TrainAestheticCommand.class,
                TrainScanCommand.class,
                ReportCommand.class,
                ConfigureCommand.class,
                SplitCommand.class,
                MergeCommand.class,
                RestoreCommand.class,
                BenchScanCommand.class,
                BenchAestheticCommand.class,
                BenchReportCommand.class})
public final class QArtAlignCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    private final AppOpener openApp;

    public interface AppOpener {
        int open(java.nio.file.Path db);
    }

    public QArtAlignCommand(AppOpener openApp) {
        this.openApp = openApp;
    }

    @Override
    public Integer call() {
        return openApp.open(database.db);
    }

    public static CommandLine commandLine(AppOpener openApp) {
        CommandLine cl = new CommandLine(new QArtAlignCommand(openApp));
        cl.setExecutionExceptionHandler(new UserErrors());
        return cl;
    }
}
