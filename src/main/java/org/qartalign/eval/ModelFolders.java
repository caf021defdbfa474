package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.qartalign.store.Database;
import org.qartalign.store.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The models a user placed in {@code models/}: one folder per model. A bad folder becomes a problem naming it and
 * never stops the others from loading. Close it to free the loaded models.
 */
public final class ModelFolders implements AutoCloseable {
    public static final String FEATURES_FOLDER = "qr-art-features";
    public static final String LEARNED_FOLDER = "learned-aesthetic";
    static final String LEARNED_KIND = "learned-head";

    /** A folder that could not be used, and why; the message starts with the folder. */
    public record Problem(Path folder, String message) {
    }

    private final List<Evaluator> evaluators;
    private final Map<String, TorchScriptModel> embeddings;
    private final List<Problem> problems;
    private final List<TorchScriptModel> loaded;

    private ModelFolders(List<Evaluator> evaluators, Map<String, TorchScriptModel> embeddings, List<Problem> problems,
                         List<TorchScriptModel> loaded) {
        this.evaluators = List.copyOf(evaluators);
        this.embeddings = embeddings;
        this.problems = List.copyOf(problems);
        this.loaded = loaded;
    }

    /**
     * The default models folder: {@code models/} in the working folder, else the one shipped beside the app (next
     * to or above the folder of the jar that holds {@code anchor}), so the jar works from any folder.
     */
    public static Path defaultFolder(Class<?> anchor) {
        Path here = Path.of("models");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path p = jar.getParent();
            for (int up = 0; p != null && up < 3; up++, p = p.getParent()) {
                if (Files.isDirectory(p.resolve("models").resolve(FEATURES_FOLDER))) {
                    return p.resolve("models");
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return here;
        }
        return here;
    }

    /** The shipped models only, without any database's learned models. */
    public static ModelFolders discover(Path models) {
        return discover(models, null);
    }

    /** The shipped models and the learned models of this database. */
    public static ModelFolders forDatabase(Path models, Database db) {
        return discover(models, LearnedModels.folderFor(db));
    }

    /**
     * Loads every model folder under {@code models} (shipped, only read), in name order, then the learned heads under
     * {@code learned} (a database's {@link LearnedModels} folder; null for none). A folder with a card is a model; a
     * folder with neither a card nor a {@code .pt} file (such as {@code tools/}) is not a model and is skipped.
     */
    public static ModelFolders discover(Path models, Path learned) {
        List<Evaluator> evaluators = new ArrayList<>();
        Map<String, TorchScriptModel> embeddings = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        List<TorchScriptModel> loaded = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            problems.add(new Problem(models, models + ": models folder not found"));
            return new ModelFolders(evaluators, embeddings, problems, loaded);
        }
        List<Path> heads = new ArrayList<>();
        for (Path folder : folders(models, problems)) {
            Path card = folder.resolve(ModelCard.FILE_NAME);
            if (!Files.isRegularFile(card)) {
                if (hasTorchScript(folder)) {
                    problems.add(new Problem(folder, folder + ": has a .pt file but no " + ModelCard.FILE_NAME
                            + " card; see docs/README-aesthetic.md for what the card holds"));
                }
                continue;
            }
            String kind = kind(card);
            if (LEARNED_KIND.equals(kind) || ScanTraining.KIND.equals(kind)) {
                problems.add(new Problem(folder, folder + ": a learned model in the shipped models folder is not "
                        + "used; learned models live beside their database (<db name>" + LearnedModels.SUFFIX
                        + "/): run train-aesthetic or train-scan on the database again"));
                continue;
            }
            try {
                TorchScriptModel model = TorchScriptModel.load(folder);
                loaded.add(model);
                if (model.card().outputKind() == ModelCard.OutputKind.SCORE) {
                    evaluators.add(new TorchScriptEvaluator(model));
                } else {
                    embeddings.put(folder.getFileName().toString(), model);
                }
            } catch (ModelFolderException e) {
                problems.add(new Problem(folder, e.getMessage()));
            }
        }
        if (learned != null && Files.isDirectory(learned)) {
            for (Path folder : folders(learned, problems)) {
                if (LEARNED_KIND.equals(kind(folder.resolve(ModelCard.FILE_NAME)))) {
                    heads.add(folder);
                }
            }
        }
        for (Path folder : heads) {
            try {
                evaluators.add(learned(folder, embeddings));
            } catch (ModelFolderException e) {
                problems.add(new Problem(folder, e.getMessage()));
            }
        }
        return new ModelFolders(evaluators, embeddings, problems, loaded);
    }

    private static LearnedAestheticEvaluator learned(Path folder, Map<String, TorchScriptModel> embeddings)
            throws ModelFolderException {
        AestheticHead head;
        try {
            head = AestheticHead.read(folder.resolve(AestheticHead.FILE_NAME));
        } catch (IOException e) {
            throw new ModelFolderException(folder, "cannot read the trained head: " + e.getMessage(), e);
        }
        TorchScriptModel features = embeddings.get(head.features());
        if (features == null) {
            throw new ModelFolderException(folder, "needs the features model folder " + head.features()
                    + ", which is missing or failed to load");
        }
        return new LearnedAestheticEvaluator(folder, features, head);
    }

    private static List<Path> folders(Path models, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(models, Files::isDirectory)) {
            for (Path p : dir) {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(models, models + ": cannot list the models folder: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static boolean hasTorchScript(Path folder) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.{pt,pth,torchscript}")) {
            return dir.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static String kind(Path card) {
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(card));
            return n == null ? null : n.path("kind").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The evaluators that loaded: one per score model, plus the database's {@code learned-aesthetic} once trained. */
    public List<Evaluator> evaluators() {
        return evaluators;
    }

    /** Embedding models by folder name (the features model among them); they give no score on their own. */
    public Map<String, TorchScriptModel> embeddings() {
        return Map.copyOf(embeddings);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * Registers every loaded evaluator (not run by default) so that {@code eval --evaluator NAME} finds it; returns
     * the folders whose evaluator name was already taken, which are left out.
     */
    public List<Problem> registerInto(EvaluatorRegistry registry) {
        List<Problem> clashes = new ArrayList<>();
        for (Evaluator e : evaluators) {
            if (registry.names().contains(e.name())) {
                Path folder = e instanceof TorchScriptEvaluator t ? t.model().folder() : Path.of(LEARNED_FOLDER);
                clashes.add(new Problem(folder, folder + ": evaluator name " + e.name()
                        + " is already taken; change \"name\" in its card"));
            } else {
                registry.register(e.name(), false, () -> e);
            }
        }
        return clashes;
    }

    @Override
    public void close() {
        for (TorchScriptModel m : loaded) {
            m.close();
        }
    }
}
