package org.qartalign.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.store.Json;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code eval-images} over a folder in ZXing's black-box layout with one image per outcome: a code of its expected
 * text (decoded correctly), a code of another text (misread), a picture with no code (not decoded).
 */
class EvalImagesCommandTest {
    @TempDir
    Path dir;

    private void corpus() throws Exception {
        Files.createDirectories(dir.resolve("set"));
        writeCode("https://qart.example/right", "set/right.png");
        Files.writeString(dir.resolve("set/right.txt"), "https://qart.example/right");
        writeCode("https://qart.example/other", "set/other.png");
        Files.writeString(dir.resolve("set/other.txt"), "https://qart.example/expected");
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(200, 180, 120));
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        ImageIO.write(blank, "png", dir.resolve("set/blank.png").toFile());
        Files.writeString(dir.resolve("set/blank.txt"), "https://qart.example/blank");
        Files.writeString(dir.resolve("set/notes.md"), "not an image, no expected text: ignored");
    }

    private void writeCode(String text, String file) throws Exception {
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 200, 200), "png",
                dir.resolve(file));
    }

    @Test
    void eachEvaluatorsTallyCountsCorrectMisreadAndNotDecodedImages() throws Exception {
        corpus();
        String out = run(0, "eval-images", dir.resolve("set").toString(), "--evaluator", "zxing-plain",
                "--evaluator", "zxing-robust", "--json");
        List<Object> tallies = Json.MAPPER.readValue(out.trim(), List.class);
        assertEquals(2, tallies.size(), "zxing-plain and zxing-robust: " + out);
        for (Object o : tallies) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) o;
            assertEquals(3, ((Number) t.get("images")).intValue(), t.toString());
            assertEquals(1, ((Number) t.get("decodedCorrectly")).intValue(), t.toString());
            assertEquals(1, ((Number) t.get("misread")).intValue(), t.toString());
            assertEquals(1, ((Number) t.get("notDecoded")).intValue(), t.toString());
        }
        Map<String, Object> plain = tallyOf(tallies, "zxing-plain");
        assertEquals(1 / 3.0, ((Number) plain.get("meanScanProbability")).doubleValue(), 1e-9);
    }

    @Test
    void verboseTextListsTheImagesThatFailed() throws Exception {
        corpus();
        String out = run(0, "eval-images", dir.resolve("set").toString(), "--evaluator", "zxing-plain", "--verbose");
        assertTrue(out.contains("images 3  decoded correctly 1  misread 1  not decoded 1"), out);
        assertTrue(out.contains("misread") && out.contains("other.png"), out);
        assertTrue(out.contains("blank.png") && !out.contains("right.png"), out);
    }

    @Test
    void aFolderWithoutExpectedTextsIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        writeCode("https://qart.example/x", "empty/x.png");
        StringWriter err = new StringWriter();
        CommandLine cl = QArtAlignCommand.commandLine(p -> 0);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("eval-images", dir.resolve("empty").toString()));
        assertTrue(err.toString().contains("no image with a sibling .txt under"), err.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tallyOf(List<Object> tallies, String evaluator) {
        return tallies.stream().map(o -> (Map<String, Object>) o).filter(t -> evaluator.equals(t.get("evaluator")))
                .findFirst().orElseThrow();
    }

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = QArtAlignCommand.commandLine(p -> 0);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(expectedExit, cl.execute(args), out.toString());
        return out.toString();
    }
}
