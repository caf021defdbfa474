package org.qartalign.cli;

import org.qartalign.dataset.ManifestExporter;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports every code with its current labels and eval results, as JSONL (the import "
                + "manifest's shape) or CSV (one row per code).")
public final class ExportCommand implements Callable<Integer> {
    enum Format { jsonl, csv }

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Database db = database.openReadOnly()) {
            Path folder = out == null ? null : out.toAbsolutePath().getParent();
            ManifestExporter exporter = new ManifestExporter(db, folder);
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                write(exporter, w);
                w.flush();
                return 0;
            }
            int[] n = new int[1];
            OutputFile.write(out, db, w -> n[0] = write(exporter, w));
            spec.commandLine().getErr().println("Exported " + n[0] + " codes to " + out);
        }
        return 0;
    }

    private int write(ManifestExporter exporter, Writer w) throws IOException {
        return format == Format.csv ? exporter.writeCsv(w) : exporter.writeJsonl(w);
    }
}
