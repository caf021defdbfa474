package org.qartalign.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rolling safety copies of a database, taken with SQLite's {@code VACUUM INTO} (a consistent online copy, WAL
 * included) into {@code <file>.backups/} beside it. The newest {@link #KEEP} are kept; at most one is taken per
 * {@link #MIN_INTERVAL} so command-line loops do not churn.
 */
public final class SafetyCopies {
    public static final int KEEP = 5;
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;

    public SafetyCopies(Path databaseFile, Clock clock) {
        this.file = databaseFile.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public SafetyCopies(Path databaseFile) {
        this(databaseFile, Clock.systemUTC());
    }

    public Path folder() {
        return file.resolveSibling(file.getFileName() + ".backups");
    }

    /** Existing copies, newest first. */
    public List<Path> list() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = baseName() + "-";
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".db")).toList());
            out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a copy unless the newest is younger than {@link #MIN_INTERVAL}; returns the new copy if one was taken. */
    public Optional<Path> takeIfDue(Database db) {
        List<Path> existing = list();
        if (!existing.isEmpty()) {
            try {
                Instant newest = Files.getLastModifiedTime(existing.get(0)).toInstant();
                if (Duration.between(newest, clock.instant()).compareTo(MIN_INTERVAL) < 0) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(take(db));
    }

    /** Takes a copy now and prunes all but the newest {@link #KEEP}. */
    public Path take(Database db) {
        Path dir = folder();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the safety-copy folder " + dir + ": " + e.getMessage(), e);
        }
        Path target = dir.resolve(baseName() + "-" + STAMP.format(clock.instant()) + ".db");
        Path partial = dir.resolve(target.getFileName() + ".partial");
        removePartials(dir);
        try {
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, partial.toString());
                    s.execute();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // a failed copy (a full disk) leaves nothing behind, so retries do not pile up empty files
            removePartials(dir);
            throw e;
        }
        try {
            // a kill during VACUUM INTO leaves only a .partial file, never a half copy that looks complete
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(clock.instant()));
            List<Path> all = list();
            for (int i = KEEP; i < all.size(); i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Replaces the database's content with {@code copy}'s, first taking a safety copy of the current content. The
     * copy is checked read-only before anything is touched (never written to); the database is refused while another
     * process has it open, and held exclusively while its content is replaced in place (the file stays the same
     * file, so a process that opens it afterwards sees the restored labels). Returns the safety copy of what was
     * replaced.
     */
    public Path restore(Path copy) {
        Path from = copy.toAbsolutePath().normalize();
        if (from.equals(file)) {
            throw new StoreException(from + " is the database itself; name a safety copy with --from");
        }
        Path staged = file.resolveSibling(file.getFileName() + ".restoring");
        try {
            Files.deleteIfExists(staged);
            stage(from, staged);
            if (!Files.exists(file)) {
                Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
                return null;
            }
            try (Database target = Database.openExclusive(file)) {
                Path before = take(target);
                target.read(c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("restore from '" + staged.toString().replace("'", "''") + "'");
                        s.execute("PRAGMA journal_mode = WAL");
                    }
                    return null;
                });
                return before;
            } catch (Database.InUseException inUse) {
                throw inUse;
            } catch (StoreException unreadable) {
                return replaceUnreadable(staged, unreadable);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot restore " + from + " over " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a leftover .restoring file is replaced by the next restore
            }
        }
    }

    /** Checks the copy read-only and writes a consistent, current-schema version of it to {@code staged}. */
    private void stage(Path from, Path staged) {
        String notRestored = " Nothing was restored; " + file + " is unchanged.";
        try (Database check = Database.openReadOnly(from)) {
            String result = check.read(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            if (!"ok".equals(result)) {
                throw new StoreException(from + " fails SQLite's integrity check (" + result + ")." + notRestored);
            }
            RowCheck.requireSound(check, "restore from " + from, "Choose another copy." + notRestored);
            check.read(c -> {
                try (PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, staged.toString());
                    s.execute();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getMessage().endsWith(notRestored.trim())) {
                throw e;
            }
            throw new StoreException("restore from " + from + ": " + e.getMessage() + "." + notRestored, e);
        }
    }

    /** The current file no longer opens: its raw bytes are kept, then the copy takes its place. */
    private Path replaceUnreadable(Path staged, StoreException why) throws IOException {
        Path raw = folder().resolve(baseName() + "-" + STAMP.format(clock.instant()) + "-unreadable.db");
        Files.createDirectories(folder());
        Files.copy(file, raw);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return raw;
    }

    /** Unfinished copies: killed or failed mid-copy, never complete; removed before and after every copy. */
    private void removePartials(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(baseName() + "-")
                    && p.getFileName().toString().endsWith(".partial")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot tidy the safety-copy folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private String baseName() {
        String n = file.getFileName().toString();
        return n.endsWith(".db") ? n.substring(0, n.length() - 3) : n;
    }
}
