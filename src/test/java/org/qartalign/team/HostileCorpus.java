package org.qartalign.team;

import org.qartalign.testing.TestDatasets;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Writes the hostile images of {@code src/test/resources/hostile/}. They are committed; regenerate with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.qartalign.team.HostileCorpus src/test/resources/hostile}.
 */
public final class HostileCorpus {
    private HostileCorpus() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }

    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path good = dir.resolve("good.png");
        TestDatasets.writeQr("https://example.org/good", good);
        byte[] png = Files.readAllBytes(good);
        Files.write(dir.resolve("truncated-header.png"), Arrays.copyOf(png, 20));
        Files.write(dir.resolve("truncated-data.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(dir.resolve("not-an-image.png"), "<html><script>alert(1)</script></html>\n");
        Files.write(dir.resolve("huge.png"), declaredPng(100_000, 100_000));
        writeAnimatedGif(dir.resolve("animated.gif"));
        writeCmykJpeg(dir.resolve("cmyk.jpg"));
        BufferedImage deep = new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                deep.getRaster().setSample(x, y, 0, ((x / 8 + y / 8) % 2) * 65535);
            }
        }
        ImageIO.write(deep, "png", dir.resolve("deep16.png").toFile());
    }

    /** A valid PNG header declaring a size, with one tiny IDAT: a decoder would have to allocate all of it. */
    static byte[] declaredPng(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static void writeAnimatedGif(Path file) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (int frame = 0; frame < 3; frame++) {
                BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_INDEXED);
                var g = img.createGraphics();
                g.fillRect(frame * 12, frame * 12, 16, 16);
                g.dispose();
                IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                w.writeToSequence(new IIOImage(img, null, meta), null);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    /** A four-channel JPEG, as print workflows write: Java's decoder cannot turn it into RGB. */
    private static void writeCmykJpeg(Path file) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                r.setPixel(x, y, new int[] {x * 8, y * 8, 0, 40});
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        } finally {
            w.dispose();
        }
        byte[] plain = jpeg.toByteArray();
        // an Adobe APP14 marker with transform 0 after SOI: "these four channels are CMYK", as Photoshop writes it
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream cmyk = new ByteArrayOutputStream();
        cmyk.write(plain, 0, 2);
        cmyk.write(adobe);
        cmyk.write(plain, 2, plain.length - 2);
        Files.write(file, cmyk.toByteArray());
    }
}
