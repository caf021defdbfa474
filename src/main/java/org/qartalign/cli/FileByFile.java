package org.qartalign.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Commands over several files where each file is one transaction: a file that fails with the expected kind of
 * error is named on standard error and the others still go in; the exit code says whether any failed.
 */
final class FileByFile {
    /** What a command does with one file; its result is printed as that file's summary line. */
    interface Step {
        Object apply(Path file);
    }

    private FileByFile() {
    }

    /** @return 0 when every file went in, 2 when any failed with {@code failure} */
    static int run(List<Path> files, Class<? extends RuntimeException> failure, String errorPrefix, CommandSpec spec,
                   Step step) {
        int failed = 0;
        for (Path f : files) {
            try {
                spec.commandLine().getOut().println(step.apply(f));
            } catch (RuntimeException e) {
                if (!failure.isInstance(e)) {
                    throw e;
                }
                failed++;
                spec.commandLine().getErr().println(errorPrefix + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 2;
    }
}
