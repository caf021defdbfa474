package org.qartalign.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.qartalign.core.CodeImages;
import org.qartalign.core.GeneratedCode;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small databases of plain QR codes for tests. */
public final class TestDatasets {
    private TestDatasets() {
    }

    /** A database in {@code dir} with {@code n} codes c000.. whose images are plain QR codes of their URLs. */
    public static Database withCodes(Path dir, int n) {
        Database db = Database.open(dir.resolve("labels.db"));
        addCodes(db, n);
        return db;
    }

    public static void addCodes(Database db, int n) {
        try {
            Path images = db.folder().resolve("images");
            Files.createDirectories(images);
            db.transaction(c -> {
                for (int i = 0; i < n; i++) {
                    String url = "https://example.org/item/" + i;
                    Path png = images.resolve(String.format("c%03d.png", i));
                    writeQr(url, png);
                    long pair = new DatasetRepository(db).pairId("a test prompt number " + i, url);
                    new DatasetRepository(db).insertCode(new GeneratedCode(String.format("c%03d", i), pair,
                            "images/" + png.getFileName(), sha(png),
                            Map.of("strength", 0.5 + i * 0.1, "guidance_end", i % 2 == 0 ? 0.8 : 1.0)));
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeQr(String text, Path png) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 4));
            MatrixToImageWriter.writeToPath(m, "PNG", png);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha(Path p) {
        try {
            return CodeImages.sha256(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
