package org.qartalign.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --out}: files are replaced whole, links stay links, devices and pipes are written in place, never replaced. */
class OutputFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path out = Files.writeString(dir.resolve("report.html"), "yesterday's report");
        IOException e = assertThrows(IOException.class, () -> OutputFile.write(out, w -> {
            w.write("half of today's");
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().startsWith("--out " + out + ": cannot write (disk full)"), e.getMessage());
        assertEquals("yesterday's report", Files.readString(out));
        assertEquals(List.of("report.html"), names());
        OutputFile.write(out, w -> w.write("today's report"));
        assertEquals("today's report", Files.readString(out));
        assertEquals(List.of("report.html"), names());
    }

    @Test
    void writingThroughALinkUpdatesItsTargetAndKeepsTheLink() throws IOException {
        Path target = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), target);
        OutputFile.write(link, w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsWrittenInPlaceAndStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        OutputFile.write(devNull, w -> w.write("discarded"));
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals(0, Files.size(devNull));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNamedPipeIsWrittenInPlaceAndTheReaderGetsEverything() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String text = "line\n".repeat(20_000);
        OutputFile.write(fifo, w -> w.write(text));
        assertEquals(text, read.get(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
        assertEquals(List.of("pipe"), names());
    }
}
