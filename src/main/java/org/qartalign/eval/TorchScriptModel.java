package org.qartalign.eval;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import org.qartalign.core.CodeImages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A TorchScript model folder loaded through DJL's PyTorch engine and checked against its card. The loaded model
 * is shared; each thread makes its own {@link Predictor} with {@link #newPredictor()}.
 */
public final class TorchScriptModel implements AutoCloseable {
    private final Path folder;
    private final ModelCard card;
    private final String fileSha256;
    private final ZooModel<BufferedImage, float[]> model;

    private TorchScriptModel(Path folder, ModelCard card, String fileSha256, ZooModel<BufferedImage, float[]> model) {
        this.folder = folder;
        this.card = card;
        this.fileSha256 = fileSha256;
        this.model = model;
    }

    /**
     * Loads the folder's card and TorchScript file and runs a dummy batch of two blank images to check that the
     * model takes the card's input and gives the card's output.
     */
    public static TorchScriptModel load(Path folder) throws ModelFolderException {
        Path cardFile = folder.resolve(ModelCard.FILE_NAME);
        if (!Files.isRegularFile(cardFile)) {
            throw new ModelFolderException(folder, "no " + ModelCard.FILE_NAME + " card");
        }
        ModelCard card;
        try {
            card = ModelCard.read(cardFile);
        } catch (IOException e) {
            throw new ModelFolderException(folder, "bad card: " + e.getMessage(), e);
        }
        Path file = folder.resolve(card.file()).normalize();
        if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
            throw new ModelFolderException(folder, "the card names file \"" + card.file()
                    + "\" but the folder has no such file");
        }
        String sha;
        try {
            sha = CodeImages.sha256(file);
        } catch (IOException e) {
            throw new ModelFolderException(folder, "cannot read " + card.file() + ": " + e.getMessage(), e);
        }
        String fileName = file.getFileName().toString();
        String modelName = fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Criteria<BufferedImage, float[]> criteria = Criteria.builder()
                .setTypes(BufferedImage.class, float[].class)
                .optEngine("PyTorch")
                .optDevice(TorchDevice.get())
                .optModelPath(folder)
                .optModelName(modelName)
                .optTranslator(new ImageTranslator(card.input()))
                .build();
        ZooModel<BufferedImage, float[]> zoo;
        try {
            zoo = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelFolderException(folder, card.file() + " is not a TorchScript model DJL can load ("
                    + firstLine(e) + ")", e);
        }
        TorchScriptModel loaded = new TorchScriptModel(folder, card, sha, zoo);
        try {
            loaded.checkAgainstCard();
        } catch (ModelFolderException e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    private void checkAgainstCard() throws ModelFolderException {
        ModelCard.InputSpec in = card.input();
        BufferedImage blank = new BufferedImage(in.width(), in.height(), BufferedImage.TYPE_INT_RGB);
        List<float[]> out;
        try (Predictor<BufferedImage, float[]> p = newPredictor()) {
            out = p.batchPredict(List.of(blank, blank));
        } catch (TranslateException | RuntimeException e) {
            throw new ModelFolderException(folder, "the card says the input is " + in.width() + "x" + in.height()
                    + " " + (in.bgr() ? "BGR" : "RGB") + " (a [2, 3, " + in.height() + ", " + in.width()
                    + "] tensor) but the model fails on it: " + firstLine(e), e);
        }
        for (float[] o : out) {
            if (o.length != card.outputSize()) {
                throw new ModelFolderException(folder, "the card says the output is "
                        + (card.outputKind() == ModelCard.OutputKind.SCORE ? "one score"
                        : "an embedding of " + card.outputSize() + " values")
                        + " per image but the model returns " + o.length + " values per image");
            }
            for (float v : o) {
                if (!Float.isFinite(v)) {
                    throw new ModelFolderException(folder, "the model returns a non-finite value ("
                            + Arrays.toString(o) + ") for a blank image");
                }
            }
        }
    }

    /** The line of an engine error that says what went wrong (TorchScript puts it last, after a traceback). */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        String[] lines = m.split("\n");
        String chosen = lines[0];
        for (String line : lines) {
            if (line.strip().startsWith("RuntimeError:")) {
                chosen = line.strip();
            }
        }
        return chosen.length() > 300 ? chosen.substring(0, 300) + "..." : chosen;
    }

    public Path folder() {
        return folder;
    }

    public ModelCard card() {
        return card;
    }

    /** The card's version plus the first 12 hex digits of the file's SHA-256, so a replaced file is re-evaluated. */
    public String versionTag() {
        return card.version() + "+" + fileSha256.substring(0, 12);
    }

    public Predictor<BufferedImage, float[]> newPredictor() {
        return model.newPredictor();
    }

    @Override
    public void close() {
        model.close();
    }
}
