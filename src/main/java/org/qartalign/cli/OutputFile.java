package org.qartalign.cli;

import org.qartalign.store.Database;
import org.qartalign.store.SafetyCopies;

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

    /**
     * Writes {@code file} for a command reading {@code db}: refused before anything is written when it resolves (also
     * through a link) to the database, its -wal/-shm, a file of its safety-copy folder or a restore in progress; a
     * safety copy of the database is taken first when an existing file beside it is about to be replaced.
     */
    static void write(Path file, Database db, Content content) throws IOException {
        refuseDatabaseFiles(file, db.file());
        Path target = file.toAbsolutePath().normalize();
        if (Files.isRegularFile(target) && db.folder().equals(resolved(target).getParent())) {
            new SafetyCopies(db.file()).take(db);
        }
        write(file, content);
    }

    /** Refuses an output that would overwrite the database or one of its companion files. */
    static void refuseDatabaseFiles(Path file, Path database) throws IOException {
        Path out = resolved(file.toAbsolutePath().normalize());
        Path db = resolved(database.toAbsolutePath().normalize());
        String name = db.getFileName().toString();
        Path backups = db.resolveSibling(name + ".backups");
        boolean companion = out.equals(db) || out.equals(db.resolveSibling(name + "-wal"))
                || out.equals(db.resolveSibling(name + "-shm")) || out.equals(db.resolveSibling(name + "-journal"))
                || out.equals(db.resolveSibling(name + ".restoring")) || out.startsWith(backups);
        if (companion) {
            throw new IllegalArgumentException("--out " + file + " is " + (out.equals(db) ? "the database itself"
                    : out.startsWith(backups) ? "in the database's safety-copy folder " + backups
                    : "one of the database's own files (" + out.getFileName() + ")")
                    + "; writing there would destroy labels. Choose another file; nothing was written.");
        }
    }

    /** The file a path ends at, links followed, even when the last part does not exist yet. */
    private static Path resolved(Path p) throws IOException {
        if (Files.exists(p)) {
            return p.toRealPath();
        }
        if (Files.isSymbolicLink(p)) {
            Path link = Files.readSymbolicLink(p);
            return resolved(p.resolveSibling(link).normalize());
        }
        Path parent = p.getParent();
        if (parent == null) {
            return p;
        }
        return resolved(parent).resolve(p.getFileName());
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
