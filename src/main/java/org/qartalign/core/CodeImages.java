package org.qartalign.core;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/** Reading code images safely: dimensions are checked before a pixel is decoded. */
public final class CodeImages {
    /** Larger images are refused before decoding (a PNG can declare 100000x100000 in a few bytes). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Larger files skip {@link PngFastPath} and are streamed through ImageIO. */
    private static final long FAST_PATH_MAX_BYTES = 64L << 20;

    private CodeImages() {
    }

    /** Resolves a stored image path against the database folder. */
    public static Path resolve(Path databaseFolder, String imagePath) {
        Path p = Path.of(imagePath);
        return p.isAbsolute() ? p : databaseFolder.resolve(p).normalize();
    }

    /**
     * Reads an image, refusing missing, unreadable, non-image and oversized files with a message naming the file.
     * Plain 8-bit PNGs are decoded by {@link PngFastPath} (the same image ImageIO gives, in about 60% of its time).
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": image file not found");
        }
        BufferedImage png = commonPng(file);
        if (png != null) {
            return png;
        }
        return withReader(file, "image", reader -> {
            BufferedImage img = reader.read(0);
            if (img == null) {
                throw new IOException(file + ": image could not be decoded");
            }
            return img;
        });
    }

    /**
     * The image from {@link PngFastPath} if the file is a PNG it handles (same image as ImageIO's), else null; any
     * trouble reading the file also gives null, so that the ImageIO path reports it.
     */
    private static BufferedImage commonPng(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size < 8 || size > FAST_PATH_MAX_BYTES) {
                return null;
            }
            byte[] bytes = new byte[(int) size];
            // the signature first, so that other formats are not read whole
            ByteBuffer buf = ByteBuffer.wrap(bytes, 0, 8);
            if (!fill(ch, buf) || (bytes[0] & 0xff) != 0x89 || bytes[1] != 'P') {
                return null;
            }
            buf.limit(bytes.length);
            return fill(ch, buf) ? PngFastPath.decode(bytes, MAX_PIXELS) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean fill(SeekableByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The width and height the file declares, read from its header only; refuses sizes over {@link #MAX_PIXELS}. */
    public static long[] declaredSize(Path file) throws IOException {
        return withReader(file, "image header", reader -> new long[] {reader.getWidth(0), reader.getHeight(0)});
    }

    private interface ReaderWork<T> {
        T run(ImageReader reader) throws IOException;
    }

    /** Opens the file's image reader and checks the declared size before {@code work} decodes anything. */
    private static <T> T withReader(Path file, String what, ReaderWork<T> work) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image (no PNG, JPEG, GIF, BMP or TIFF header)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new IOException(file + ": image declares " + w + "x" + h
                            + " pixels, over the limit of " + MAX_PIXELS + " pixels");
                }
                return work.run(reader);
            } catch (IOException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                        : new IOException(file + ": corrupt or truncated " + what + " (" + e.getMessage() + ")", e);
            } catch (RuntimeException e) {
                throw new IOException(file + ": corrupt " + what + " (" + e + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
