package org.qartalign.cli;

import org.qartalign.labeling.OverlapPolicy;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Shows or sets the dataset's overlap policy: labels wanted per code, the share of codes "
                + "labeled by several people (for human-human agreement), and the hidden re-test share. "
                + "Options left out keep their stored value.")
public final class ConfigureCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--labels-per-code", paramLabel = "N", description = "Labels wanted for every code (default 1).")
    Integer labelsPerCode;

    @Option(names = "--overlap-share", paramLabel = "SHARE",
            description = "Share of codes (0-1) that get several labelers (default 0.2).")
    Double overlapShare;

    @Option(names = "--overlap-labelers", paramLabel = "K", description = "Labelers per overlap code, >= 2 (default 3).")
    Integer overlapLabelers;

    @Option(names = "--retest-share", paramLabel = "SHARE",
            description = "Share (0-0.5) of each labeler's answers shown again, hidden, as re-tests (default 0.05).")
    Double retestShare;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = database.openForWriting()) {
            boolean change = labelsPerCode != null || overlapShare != null || overlapLabelers != null
                    || retestShare != null;
            OverlapPolicy old;
            try {
                old = OverlapPolicy.load(db);
            } catch (IllegalArgumentException unreadable) {
                if (!change) {
                    throw unreadable;
                }
                spec.commandLine().getErr().println("warning: " + unreadable.getMessage()
                        + "; options not given now go back to their defaults");
                old = OverlapPolicy.DEFAULT;
            }
            OverlapPolicy policy = old;
            if (change) {
                policy = new OverlapPolicy(labelsPerCode != null ? labelsPerCode : old.labelsPerCode(),
                        overlapShare != null ? overlapShare : old.overlapShare(),
                        overlapLabelers != null ? overlapLabelers : old.overlapLabelers(),
                        retestShare != null ? retestShare : old.retestShare());
                policy.save(db);
            }
            spec.commandLine().getOut().println((change ? "saved: " : "current: ") + policy);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
