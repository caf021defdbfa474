package org.qartalign.cli;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.eval.ModelFolderException;
import org.qartalign.eval.ModelFolders;
import org.qartalign.eval.TorchDevice;
import org.qartalign.eval.TorchScriptModel;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code bench-aesthetic}: images per second of the features model (resize, tensor and forward pass) at several
 * batch sizes, as ratios against the first batch size measured in the same run.
 */
@Command(name = "bench-aesthetic", mixinStandardHelpOptions = true,
        description = "Measures the features model's throughput at several batch sizes, on the database's code "
                + "images when it has codes, else on synthetic QR-art images.")
public final class BenchAestheticCommand implements Callable<Integer> {
    /** Decoded images kept in memory and cycled through, so disk reads stay out of the timing. */
    static final int POOL = 128;

    @Option(names = "--db", paramLabel = "PATH", description = "Database whose code images to use (optional).")
    Path db;

    @picocli.CommandLine.Mixin
    ModelsOption modelsOption = new ModelsOption();

    @Option(names = {"-n", "--images"}, defaultValue = "2000", description = "Images per batch size (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--batches", split = ",", defaultValue = "1,8,32", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Rounds over all batch sizes, interleaved; the best round counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, TranslateException {
        TorchDevice.configure();
        PrintWriter out = spec.commandLine().getOut();
        if (images < 1 || rounds < 1 || batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("--images, --rounds and every --batches size must be at least 1");
        }
        List<BufferedImage> pool = db != null && Files.exists(db) ? codeImages(out) : List.of();
        if (pool.isEmpty()) {
            pool = synthetic(Math.min(POOL, images), 512);
            out.println("images: " + pool.size() + " synthetic 512x512 QR-art images, cycled");
        }
        TorchScriptModel model;
        try {
            model = TorchScriptModel.load(modelsOption.folder().resolve(ModelFolders.FEATURES_FOLDER));
        } catch (ModelFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (model; Predictor<BufferedImage, float[]> predictor = model.newPredictor()) {
            out.printf(Locale.ROOT, "model %s %s, %d images per batch size, best of %d rounds, %d CPU cores, "
                            + "%s intra-op threads%n", model.card().name(), model.versionTag(), images, rounds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("ai.djl.pytorch.num_threads"));
            double[] best = new double[batches.size()];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < batches.size(); k++) {
                    int b = batches.get(k);
                    predictor.batchPredict(slice(pool, 0, b));
                    long start = System.nanoTime();
                    for (int done = 0; done < images; done += b) {
                        predictor.batchPredict(slice(pool, done, Math.min(b, images - done)));
                    }
                    best[k] = Math.max(best[k], images / ((System.nanoTime() - start) / 1e9));
                }
            }
            for (int k = 0; k < batches.size(); k++) {
                out.printf(Locale.ROOT, "batch %3d: %8.1f images/s  (x%.2f vs batch %d)%n", batches.get(k), best[k],
                        best[k] / best[0], batches.get(0));
            }
        }
        return 0;
    }

    private List<BufferedImage> codeImages(PrintWriter out) throws IOException {
        try (Database database = Database.open(db)) {
            List<CodeWithPair> codes = new DatasetRepository(database).codes();
            List<BufferedImage> pool = new ArrayList<>();
            int step = Math.max(1, codes.size() / POOL);
            for (int i = 0; i < codes.size() && pool.size() < POOL; i += step) {
                pool.add(CodeImages.read(CodeImages.resolve(database.folder(), codes.get(i).code().imagePath())));
            }
            if (!pool.isEmpty()) {
                out.println("images: " + pool.size() + " code images spread over the " + codes.size()
                        + " codes of " + database.file() + ", cycled");
            }
            return pool;
        }
    }

    private static List<BufferedImage> slice(List<BufferedImage> pool, int from, int count) {
        List<BufferedImage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pool.get((from + i) % pool.size()));
        }
        return out;
    }

    /** Random module grids over colour gradients, like a QR-art image; deterministic. */
    static List<BufferedImage> synthetic(int count, int size) {
        Random random = new Random(42);
        List<BufferedImage> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), size, size,
                    new Color(random.nextInt(0xffffff))));
            g.fillRect(0, 0, size, size);
            int modules = 25 + 4 * random.nextInt(5);
            double cell = size / (modules + 8.0);
            g.setColor(new Color(0, 0, 0, 90 + random.nextInt(140)));
            for (int r = 0; r < modules; r++) {
                for (int c = 0; c < modules; c++) {
                    if (random.nextBoolean()) {
                        g.fillRect((int) ((c + 4) * cell), (int) ((r + 4) * cell), (int) Math.ceil(cell),
                                (int) Math.ceil(cell));
                    }
                }
            }
            g.dispose();
            out.add(img);
        }
        return out;
    }
}
