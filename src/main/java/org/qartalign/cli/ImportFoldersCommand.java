package org.qartalign.cli;

import org.qartalign.dataset.FolderImport;
import org.qartalign.dataset.FolderImporter;
import org.qartalign.dataset.ImportException;
import org.qartalign.eval.ImageUrlReader;
import org.qartalign.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-folders", mixinStandardHelpOptions = true,
        description = {"Builds codes and labels from a folder of images that a person sorted into folders: "
                + "valid/ and invalid/ (scanned with a phone or not), good/ and bad/, or 1/ to 5/ (aesthetic "
                + "scores). The same image in valid/ and in good/ gets both answers.",
                "Prompts come from prompts.csv (file,prompt) or the file name; URLs from urls.csv (file,url), "
                        + "--url, or --url-from-decode. All or nothing; re-running changes nothing."})
public final class ImportFoldersCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder holding the sorted folders.")
    Path folder;

    @Option(names = "--scan", paramLabel = "FOLDER=ANSWER,...",
            description = "Folder names that mean a scan answer, e.g. valid=scanned,invalid=not-scanned.")
    String scan;

    @Option(names = "--aesthetic", paramLabel = "FOLDER=SCORE,...",
            description = "Folder names that mean an aesthetic score 1-5, e.g. good=5,bad=2 "
                    + "(default: folders named 1 to 5).")
    String aesthetic;

    @Option(names = "--labeler", required = true, paramLabel = "NAME", description = "Who sorted the images.")
    String labeler;

    @Option(names = "--phone", paramLabel = "MODEL", description = "The phone the scan answers were found with.")
    String phone;

    @Option(names = "--scanner-app", paramLabel = "APP", description = "The scanner app used, if known.")
    String scannerApp;

    @Option(names = "--url", paramLabel = "URL", description = "The URL of every code that urls.csv does not list.")
    String url;

    @Option(names = "--url-from-decode", description = "Decode each code not in urls.csv (nor covered by --url) "
            + "with the scan evaluators' decoder; refuses, naming the files, codes that do not decode to a URL.")
    boolean urlFromDecode;

    @Option(names = "--allow-outside", description = "Accept images reached through links that leave the folder.")
    boolean allowOutside;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FolderImport.Options options = FolderImport.Options.of(folder, labeler)
                .withScan(FolderImport.parseScan(scan))
                .withAesthetic(FolderImport.parseAesthetic(aesthetic))
                .withSession(phone, scannerApp)
                .withUrl(url)
                .withAllowOutside(allowOutside);
        if (urlFromDecode) {
            ImageUrlReader reader = new ImageUrlReader();
            options = options.withUrlReader(reader::read);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = database.openForWriting()) {
            ProgressBar bar = ProgressBar.onStderr(err, "import-folders");
            try {
                FolderImport.Result r = new FolderImporter(db).run(options, bar::update, () -> false);
                bar.finish();
                out.println(r);
            } catch (ImportException e) {
                bar.finish();
                err.println(e.getMessage());
                return 2;
            }
        }
        out.flush();
        return 0;
    }
}
