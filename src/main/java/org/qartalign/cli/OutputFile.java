package org.qartalign.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a command's {@code --out} file. A regular file (or a link to one) is written through a temporary file
 * beside it and moved into place, so a failed write never leaves half a file and the link stays a link; anything
 * else that exists (a device such as /dev/stdout, a pipe) is written in place. New files get the umask's mode.
 */
final class OutputFile {
    interface Content {
        void write(Writer w) throws IOException;
    }

    private OutputFile() {
    }

    static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        try {
            if (Files.isRegularFile(target)) {
                target = target.toRealPath();
            } else if (Files.exists(target)) {
                try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                    content.write(w);
                }
                return;
            }
            Path folder = target.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    content.write(w);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (AccessDeniedException e) {
            throw new IOException("--out " + file + ": permission denied (in " + target.getParent() + ")", e);
        } catch (IOException e) {
            throw new IOException("--out " + file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
