import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.qartalign.core.CodeImages;
import org.qartalign.core.GeneratedCode;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fills a database with N plain QR codes, for the startup benchmark and screenshots on builds that do not have
 * the {@code demo} command yet. Run: java -cp 'target/qart-align.jar:target/lib/*' bench/SeedDatabase.java DB N
 */
public class SeedDatabase {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (Database db = Database.open(file)) {
            Path images = db.folder().resolve("images");
            Files.createDirectories(images);
            db.transaction(c -> {
                for (int i = 0; i < n; i++) {
                    String url = "https://example.org/seed/" + i;
                    Path png = images.resolve(String.format("s%04d.png", i));
                    try {
                        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 512, 512,
                                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H)), "PNG", png);
                        long pair = DatasetRepository.pairId(c, "seeded prompt " + i, url);
                        DatasetRepository.insertCode(c, new GeneratedCode(String.format("s%04d", i), pair,
                                "images/" + png.getFileName(), CodeImages.sha256(png), Map.of()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
        }
        System.out.println("seeded " + n + " codes into " + file);
    }
}
