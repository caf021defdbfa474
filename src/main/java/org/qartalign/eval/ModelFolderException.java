package org.qartalign.eval;

import java.nio.file.Path;

/** A model folder that cannot be used; the message names the folder and what is wrong with it. */
public final class ModelFolderException extends Exception {
    private final Path folder;

    public ModelFolderException(Path folder, String problem) {
        super(folder + ": " + problem);
        this.folder = folder;
    }

    public ModelFolderException(Path folder, String problem, Throwable cause) {
        super(folder + ": " + problem, cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
