package org.qartalign.dataset;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark harness, not a test (run by hand, see docs/README-dataset.md):
 * {@code render N} times rendering and PNG writing per code on one thread, against ImageIO's PNG writer as the
 * baseline; {@code spread DB} decodes every code of a database with plain ZXing (no TRY_HARDER) and prints the
 * decode rate per strength bin.
 */
public final class DatasetBenchmark {
    private DatasetBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("render")) {
            render(Integer.parseInt(args[1]));
        } else if (args.length == 2 && args[0].equals("spread")) {
            spread(Path.of(args[1]));
        } else {
            System.err.println("usage: DatasetBenchmark render N | spread DB");
        }
    }

    private static void render(int n) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        QrArtRenderer renderer = new QrArtRenderer();
        SplittableRandom r = new SplittableRandom(1);
        long renderNs = 0;
        long oursNs = 0;
        long imageIoNs = 0;
        long oursBytes = 0;
        long imageIoBytes = 0;
        for (int i = 0; i < 2 * n; i++) {
            String prompt = PromptGenerator.prompt(r);
            String url = UrlGenerator.url(r);
            GenerationParams p = GenerationParams.sample(r);
            long t0 = cpu.getCurrentThreadCpuTime();
            BufferedImage img = renderer.render(url, prompt, p);
            long t1 = cpu.getCurrentThreadCpuTime();
            byte[] png = PngWriter.encode(img);
            long t2 = cpu.getCurrentThreadCpuTime();
            ByteArrayOutputStream baseline = new ByteArrayOutputStream();
            ImageIO.write(img, "png", baseline);
            long t3 = cpu.getCurrentThreadCpuTime();
            if (i >= n) {
                renderNs += t1 - t0;
                oursNs += t2 - t1;
                imageIoNs += t3 - t2;
                oursBytes += png.length;
                imageIoBytes += baseline.size();
            }
        }
        System.out.printf("%d codes after %d warm-up, CPU ms per code: render %.1f, PngWriter %.1f (%d KB), "
                        + "ImageIO %.1f (%d KB); PngWriter is %.1fx faster than ImageIO%n", n, n,
                renderNs / 1e6 / n, oursNs / 1e6 / n, oursBytes / 1024 / n, imageIoNs / 1e6 / n, imageIoBytes / 1024 / n,
                (double) imageIoNs / oursNs);
    }

    private static void spread(Path dbFile) throws IOException {
        try (Database db = Database.open(dbFile)) {
            List<CodeWithPair> codes = new DatasetRepository(db).codes();
            double[] edges = {0.5, 0.875, 1.25, 1.625, 2.0001};
            int[] total = new int[4];
            int[] ok = new int[4];
            for (CodeWithPair c : codes) {
                double s = c.code().numericParam("strength");
                int bin = 0;
                while (bin < 3 && s >= edges[bin + 1]) {
                    bin++;
                }
                total[bin]++;
                BufferedImage img = CodeImages.read(CodeImages.resolve(db.folder(), c.code().imagePath()));
                try {
                    String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(img)))).getText();
                    if (text.equals(c.url())) {
                        ok[bin]++;
                    }
                } catch (Exception e) {
                    // not decoded
                }
            }
            int all = 0;
            for (int b = 0; b < 4; b++) {
                all += ok[b];
                System.out.printf("| %.3f-%.3f | %d | %d | %.0f%% |%n", edges[b], Math.min(2.0, edges[b + 1]), total[b],
                        ok[b], 100.0 * ok[b] / Math.max(1, total[b]));
            }
            System.out.printf("| all | %d | %d | %.0f%% |%n", codes.size(), all, 100.0 * all / codes.size());
        }
    }
}
