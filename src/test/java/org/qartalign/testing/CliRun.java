package org.qartalign.testing;

import org.qartalign.cli.QArtAlignCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a CLI command in-process, as a user would type it, and keeps what it printed. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) {
        CommandLine cl = QArtAlignCommand.commandLine(db -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
