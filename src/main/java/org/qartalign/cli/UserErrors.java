package org.qartalign.cli;

import org.qartalign.store.StoreException;
import picocli.CommandLine;

/** Prints errors the user can fix as one clear line instead of a stack trace. */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof StoreException || ex instanceof IllegalArgumentException
                || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            return 2;
        }
        throw new RuntimeException(ex);
    }
}
