package org.qartalign.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a manifest line by line with bounded memory: a line longer than {@link #MAX_LINE_BYTES} is refused
 * without being held whole, and text that is not UTF-8 is refused naming its line.
 */
final class ManifestLines {
    /** One code per line needs a few kilobytes; anything near this is not a manifest line. */
    static final int MAX_LINE_BYTES = 1 << 20;

    interface Handler {
        void handle(int line, String text) throws Exception;
    }

    private ManifestLines() {
    }

    static void forEach(Path file, Handler handler) throws Exception {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
            int[] line = {1};
            long length = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        length += i - from;
                        keep(buf, chunk, from, i - from, length);
                        emit(file, utf8, buf, length, line[0]++, handler);
                        buf.reset();
                        length = 0;
                        from = i + 1;
                    }
                }
                length += n - from;
                keep(buf, chunk, from, n - from, length);
            }
            if (length > 0) {
                emit(file, utf8, buf, length, line[0], handler);
            }
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Holds at most {@link #MAX_LINE_BYTES} of a line: memory stays bounded however long it is. */
    private static void keep(ByteArrayOutputStream buf, byte[] chunk, int from, int count, long lengthSoFar) {
        if (lengthSoFar <= MAX_LINE_BYTES) {
            buf.write(chunk, from, count);
        }
    }

    private static void emit(Path file, CharsetDecoder utf8, ByteArrayOutputStream buf, long length, int line,
                             Handler handler) throws Exception {
        if (length > MAX_LINE_BYTES) {
            throw new ImportException(List.of(file + ":" + line + ": line is " + length
                    + " bytes long, over the limit of " + MAX_LINE_BYTES + " bytes for one code"), 1);
        }
        String text = decode(utf8, buf.toByteArray(), file, line);
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        int cr = text.indexOf('\r');
        if (cr >= 0) {
            throw new ImportException(List.of(file + ":" + line + ": a carriage return (CR) inside the line at "
                    + "character " + (cr + 1) + ": the file has old Mac line endings (CR only) or a stray CR; save it "
                    + "with LF or CRLF line endings, one code per line"), 1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ImportException(List.of(file + ":" + line + ": a NUL byte (0x00) at character " + (nul + 1)
                    + " of the line; a manifest is plain UTF-8 text"), 1);
        }
        if (!text.isBlank()) {
            handler.handle(line, text);
        }
    }

    private static String decode(CharsetDecoder utf8, byte[] bytes, Path file, int line) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes);
            int end = at + 1;
            while (end < Math.min(bytes.length, at + sequenceLength(bytes[at] & 0xff)) && (bytes[end] & 0xC0) == 0x80) {
                end++;
            }
            StringBuilder shown = new StringBuilder();
            for (int i = at; i < end; i++) {
                shown.append(shown.length() == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xff));
            }
            String what = end - at == 1 ? "byte 0x" + shown : "bytes " + shown;
            String why = surrogate(bytes, at) ? ", an encoded UTF-16 surrogate, which UTF-8 does not allow" : "";
            throw new ImportException(List.of(file + ":" + line + ": not UTF-8 text (" + what + " at byte "
                    + (at + 1) + " of the line" + why + "); save the manifest as UTF-8"), 1);
        }
    }

    /**
     * The first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table 3-7: no overlong forms, no
     * surrogates D800-DFFF, nothing above U+10FFFF).
     */
    private static int firstBadByte(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int follow = sequenceLength(c) - 1;
            if (c >= 0x80 && c < 0xC2 || c > 0xF4) {
                return i;
            }
            for (int k = 1; k <= follow; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            int second = follow > 0 ? b[i + 1] & 0xff : 0;
            if (c == 0xE0 && second < 0xA0 || c == 0xED && second >= 0xA0 || c == 0xF0 && second < 0x90
                    || c == 0xF4 && second >= 0x90) {
                return i;
            }
            i += follow + 1;
        }
        return 0;
    }

    private static int sequenceLength(int lead) {
        return lead < 0xC2 || lead > 0xF4 ? 1 : lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4;
    }

    private static boolean surrogate(byte[] b, int at) {
        return (b[at] & 0xff) == 0xED && at + 1 < b.length && (b[at + 1] & 0xff) >= 0xA0;
    }
}
