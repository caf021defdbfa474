package org.qartalign.cli;

import org.qartalign.eval.ModelFolders;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --models} option: the folder of model folders. By default {@code models/} in the working folder, else
 * the one shipped beside the app (next to the jar's folder), so the jar works from any folder.
 */
public final class ModelsOption {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of model folders (default: ./models, else the one shipped with the app).")
    Path models;

    public Path folder() {
        return models != null ? models : defaultFolder();
    }

    public static Path defaultFolder() {
        return ModelFolders.defaultFolder(ModelsOption.class);
    }
}
