package org.qartalign.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeImages;
import org.qartalign.core.GeneratedCode;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void evalPrintsSummaryAndSecondRunSkipsEverythingAsCached() throws Exception {
        Path db = dir.resolve("labels.db");
        Files.createDirectories(dir.resolve("img"));
        try (Database d = Database.open(db)) {
            d.transaction(c -> {
                for (int i = 0; i < 3; i++) {
                    String url = "https://qart.example/cli/" + i;
                    Path img = dir.resolve("img/" + i + ".png");
                    try {
                        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 200, 200), "png", img);
                        long pair = new DatasetRepository(d).pairId("p" + i, url);
                        new DatasetRepository(d).insertCode(new GeneratedCode("k" + i, pair, "img/" + i + ".png",
                                CodeImages.sha256(img), Map.of()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                long pair = new DatasetRepository(d).pairId("missing", "https://qart.example/cli/missing");
                new DatasetRepository(d).insertCode(new GeneratedCode("k9", pair, "img/none.png", null, Map.of()));
                return null;
            });
        }
        String first = run("eval", "--db", db.toString(), "--evaluator", "zxing-plain", "--threads", "2");
        assertTrue(first.contains("4 codes, 1 failed to read"), first);
        assertTrue(first.contains("evaluated 3, skipped as cached 0; stored 3: mean scan prob 1.000"), first);
        assertTrue(first.contains("img/none.png: image file not found"), first);
        String second = run("eval", "--db", db.toString(), "--evaluator", "zxing-plain");
        assertTrue(second.contains("evaluated 0, skipped as cached 3"), second);
    }

    @Test
    void unknownEvaluatorIsAClearError() {
        StringWriter err = new StringWriter();
        CommandLine cl = QArtAlignCommand.commandLine(p -> 0);
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("eval", "--db", dir.resolve("x.db").toString(), "--evaluator", "nope");
        assertEquals(2, rc);
        assertTrue(err.toString().contains("unknown evaluator 'nope' (known: zxing-plain, zxing-robust"), err.toString());
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = QArtAlignCommand.commandLine(p -> 0);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(1, cl.execute(args), "one code's image is missing, so the run exits 1: " + out);
        return out.toString();
    }
}
