package org.qartalign.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.EvalResult;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.PromptUrlPair;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFoldersTest {
    static final Path FEATURES = Path.of("models", "qr-art-features");
    static final Path TINY = Path.of("src", "test", "resources", "tiny-score-model");

    @TempDir
    Path models;

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static void editCard(Path folder, String from, String to) throws IOException {
        Path card = folder.resolve("model.json");
        String text = Files.readString(card);
        assertTrue(text.contains(from), "fixture card holds " + from);
        Files.writeString(card, text.replace(from, to));
    }

    private static Map<String, String> problemsByFolder(ModelFolders folders) {
        return folders.problems().stream().collect(Collectors.toMap(p -> p.folder().getFileName().toString(),
                ModelFolders.Problem::message));
    }

    @Test
    void badFoldersAreNamedInTheirProblemWhileGoodOnesStillLoad() throws Exception {
        copyFolder(FEATURES, models.resolve("qr-art-features"));
        copyFolder(TINY, models.resolve("tiny-score"));
        copyFolder(TINY, models.resolve("missing-file"));
        Files.delete(models.resolve("missing-file").resolve("tiny-score.pt"));
        copyFolder(TINY, models.resolve("corrupt-file"));
        Files.write(models.resolve("corrupt-file").resolve("tiny-score.pt"), "not a model at all".getBytes());
        copyFolder(TINY, models.resolve("wrong-input"));
        editCard(models.resolve("wrong-input"), "\"width\": 64", "\"width\": 32");
        copyFolder(TINY, models.resolve("wrong-output"));
        editCard(models.resolve("wrong-output"), "\"kind\": \"score\"", "\"kind\": \"embedding\", \"size\": 4");
        copyFolder(TINY, models.resolve("no-card"));
        Files.delete(models.resolve("no-card").resolve("model.json"));
        copyFolder(TINY, models.resolve("bad-json"));
        Files.writeString(models.resolve("bad-json").resolve("model.json"), "{\"name\": ");
        Files.createDirectories(models.resolve("tools"));

        try (ModelFolders folders = ModelFolders.discover(models)) {
            Map<String, String> problems = problemsByFolder(folders);
            assertEquals(List.of("bad-json", "corrupt-file", "missing-file", "no-card", "wrong-input", "wrong-output"),
                    problems.keySet().stream().sorted().toList(), problems.toString());
            problems.forEach((folder, message) -> assertTrue(message.contains(folder), message));
            assertTrue(problems.get("missing-file").contains("no such file"), problems.get("missing-file"));
            assertTrue(problems.get("corrupt-file").contains("not a TorchScript model"), problems.get("corrupt-file"));
            assertTrue(problems.get("wrong-input").contains("32x64"), problems.get("wrong-input"));
            assertTrue(problems.get("wrong-input").contains("shapes cannot be multiplied"), problems.get("wrong-input"));
            assertTrue(problems.get("wrong-output").contains("an embedding of 4 values per image but the model returns 1"),
                    problems.get("wrong-output"));
            assertTrue(problems.get("no-card").contains("no model.json"), problems.get("no-card"));
            assertTrue(problems.get("bad-json").contains("not valid JSON"), problems.get("bad-json"));

            assertEquals(List.of("tiny-score"), folders.evaluators().stream().map(Evaluator::name).toList());
            assertEquals(List.of("qr-art-features"), List.copyOf(folders.embeddings().keySet()));
        }
    }

    @Test
    void aCardFieldOutOfRangeIsNamed() throws Exception {
        copyFolder(TINY, models.resolve("tiny-score"));
        editCard(models.resolve("tiny-score"), "\"channels\": \"RGB\"", "\"channels\": \"CMYK\"");
        try (ModelFolders folders = ModelFolders.discover(models)) {
            String message = folders.problems().get(0).message();
            assertTrue(message.contains("tiny-score") && message.contains("input.channels"), message);
        }
    }

    @Test
    void aScoreModelScoresEachImageByItsOwnBrightness() throws Exception {
        copyFolder(TINY, models.resolve("tiny-score"));
        try (ModelFolders folders = ModelFolders.discover(models);
             Evaluator.Worker worker = folders.evaluators().get(0).newWorker()) {
            CodeWithPair white = code("white");
            CodeWithPair grey = code("grey");
            EvalResult single = worker.evaluate(white, filled(Color.WHITE, 100), "run");
            assertEquals(10.0, single.aesthetic(), 1e-4);
            assertEquals("tiny-score", single.evaluator());
            EvalResult second = worker.evaluate(grey, filled(new Color(51, 51, 51), 64), "run");
            assertEquals(1 + 9 * 0.2, second.aesthetic(), 1e-4);
            assertEquals("sha-grey", second.imageSha256());
        }
    }

    static CodeWithPair code(String id) {
        return new CodeWithPair(new GeneratedCode(id, 1, id + ".png", "sha-" + id, Map.of()),
                new PromptUrlPair(1, "a prompt", "https://example.org"));
    }

    static BufferedImage filled(Color c, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return img;
    }
}
