package org.qartalign.ui.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.store.Database;
import org.qartalign.testing.CliRun;
import org.qartalign.ui.common.UiExecutors;
import org.qartalign.ui.dataset.DatasetViewModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's HTML exports are the CLI's self-contained report: the same file, disagreement thumbnails embedded. */
class HtmlExportTest {
    private static final Pattern ROW_THUMB = Pattern.compile("<tr><td class=\"l\"><div class=\"thumb (t[0-9a-z]+)\"");
    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theDashboardsExportEmbedsAThumbnailForEveryDisagreementAndEqualsTheCliReport() throws IOException {
        db = LabeledDatabase.create(dir, true);
        DashboardViewModel m = new DashboardViewModel(db, UiExecutors.sameThread());
        m.optionsProperty().set(DashboardViewModelTest.OPTIONS);
        m.refresh();
        Path app = dir.resolve("app.html");
        m.exportHtml(app);
        assertEquals("Report written to " + app, m.statusProperty().get());
        String html = Files.readString(app, StandardCharsets.UTF_8);

        List<String> rows = thumbnailsOfDisagreementRows(html);
        // Scan disagreements of zx and aesthetic disagreements of aes: every row shows its code's image.
        int tableRows = html.split("<table class=\"dis\">", -1).length - 1;
        assertEquals(2, tableRows, "one disagreement table per evaluator");
        String disagreements = html.substring(html.indexOf("<h2>Disagreements"));
        assertEquals(count(disagreements, "<tr><td class=\"l\">"), rows.size(), "every disagreement row has a thumbnail");
        assertTrue(rows.size() >= 10, "rows: " + rows.size());
        for (String cls : rows) {
            assertTrue(html.contains("." + cls + "{background-image:url(data:image/jpeg;base64,/9j/"),
                    "an embedded JPEG for " + cls);
        }
        assertTrue(!html.contains("src=\"file:") && !html.contains("url(images/"), "no link to a file outside the page");

        CliRun cli = CliRun.of("report", "--db", db.file().toString(), "--format", "html", "--bootstrap", "20",
                "--seed", "3", "--out", dir.resolve("cli.html").toString());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(Files.readString(dir.resolve("cli.html"), StandardCharsets.UTF_8), html,
                "the app's export is byte for byte the CLI's report for the same options");
    }

    @Test
    void theDatasetScreensExportWithoutADashboardReportIsTheCliDefaultReportWithThumbnails() throws IOException {
        db = LabeledDatabase.create(dir, false);
        DatasetViewModel m = new DatasetViewModel(db, UiExecutors.sameThread(), dir.resolve("models"), () -> { });
        Path app = dir.resolve("dataset.html");
        m.exportReport(app, null);
        assertTrue(m.logProperty().get().startsWith("Report written to " + app), m.logProperty().get());
        String html = Files.readString(app, StandardCharsets.UTF_8);
        assertTrue(thumbnailsOfDisagreementRows(html).size() >= 10, "thumbnails in the rows");

        CliRun cli = CliRun.of("report", "--db", db.file().toString(), "--format", "html",
                "--out", dir.resolve("cli.html").toString());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(Files.readString(dir.resolve("cli.html"), StandardCharsets.UTF_8), html);
    }

    private static List<String> thumbnailsOfDisagreementRows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW_THUMB.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
