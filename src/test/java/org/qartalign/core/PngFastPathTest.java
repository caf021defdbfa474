package org.qartalign.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CodeImages#read} must give ImageIO's image exactly, whether {@link PngFastPath} or ImageIO decodes it. */
class PngFastPathTest {
    @TempDir
    Path dir;

    /** Every filter type (row y uses filter y mod 5), each handled colour type, odd sizes, harmless extra chunks. */
    @Test
    void handMadePngsWithEveryFilterDecodeAsImageIoDoes() throws IOException {
        Random rnd = new Random(11);
        int files = 0;
        for (int colour : new int[]{0, 2, 6}) {
            for (int[] size : new int[][]{{1, 1}, {2, 3}, {17, 5}, {64, 40}, {33, 70}}) {
                for (int content = 0; content < 2; content++) {
                    int channels = colour == 0 ? 1 : colour == 2 ? 3 : 4;
                    byte[] pixels = new byte[size[0] * size[1] * channels];
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = (byte) (content == 0 ? rnd.nextInt(256) : (i * 7 / channels) % 256);
                    }
                    Path f = dir.resolve("made-" + colour + "-" + size[0] + "x" + size[1] + "-" + content + ".png");
                    Files.write(f, png(size[0], size[1], colour, pixels, content == 1));
                    assertNotNull(PngFastPath.decode(Files.readAllBytes(f), CodeImages.MAX_PIXELS), f + " fast path");
                    assertSameImage(f);
                    files++;
                }
            }
        }
        assertEquals(30, files);
    }

    @Test
    void pilPngsDecodeAsImageIoDoesAndOnlyTheCommonOnesTakeTheFastPath() throws IOException {
        Path folder = Path.of(URI.create(getClass().getResource("/png-variety/README.md").toString())).getParent();
        List<String> fast = List.of("pil-gray.png", "pil-rgb.png", "pil-rgba.png", "pil-rgb-text.png");
        List<String> imageIo = List.of("pil-gray-alpha.png", "pil-palette.png", "pil-gray-16.png", "pil-gray-trns.png",
                "pil-rgb-trns.png", "pil-rgb-iccp.png");
        for (String name : fast) {
            Path f = folder.resolve(name);
            assertNotNull(PngFastPath.decode(Files.readAllBytes(f), CodeImages.MAX_PIXELS), name);
            assertSameImage(f);
        }
        for (String name : imageIo) {
            Path f = folder.resolve(name);
            assertNull(PngFastPath.decode(Files.readAllBytes(f), CodeImages.MAX_PIXELS), name);
            assertSameImage(f);
        }
    }

    /** ImageIO's own PNGs of each buffered-image type, plain and interlaced (interlaced ones are left to ImageIO). */
    @Test
    void imageIoPngsOfEveryTypeDecodeAsImageIoDoes() throws IOException {
        Random rnd = new Random(2);
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_INDEXED,
                BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY};
        for (int type : types) {
            BufferedImage img = new BufferedImage(45, 31, type);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = x % 3 == 0 ? rnd.nextInt() : x * 0x030507 + y * 0x110000;
                    img.setRGB(x, y, y > 15 ? rgb | 0xff000000 : rgb);
                }
            }
            for (boolean interlaced : new boolean[]{false, true}) {
                Path f = dir.resolve("imageio-" + type + (interlaced ? "-adam7" : "") + ".png");
                write(img, f, interlaced);
                if (interlaced) {
                    assertNull(PngFastPath.decode(Files.readAllBytes(f), CodeImages.MAX_PIXELS), f.toString());
                }
                assertSameImage(f);
            }
        }
    }

    @Test
    void damagedFilesAreLeftToImageIoAndItsErrorsNameTheFile() throws IOException {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(3, 3, 0x123456);
        Path good = dir.resolve("good.png");
        write(img, good, false);
        byte[] bytes = Files.readAllBytes(good);
        assertNotNull(PngFastPath.decode(bytes, CodeImages.MAX_PIXELS));

        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertNull(PngFastPath.decode(Files.readAllBytes(truncated), CodeImages.MAX_PIXELS));
        IOException e = assertThrows(IOException.class, () -> CodeImages.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());

        byte[] badCrc = bytes.clone();
        badCrc[8 + 8 + 13] ^= 1;
        assertNull(PngFastPath.decode(badCrc, CodeImages.MAX_PIXELS), "IHDR with a wrong CRC");

        byte[] huge = bytes.clone();
        huge[16] = 0x7f;
        Path declaresHuge = dir.resolve("huge.png");
        Files.write(declaresHuge, fixIhdrCrc(huge));
        assertNull(PngFastPath.decode(Files.readAllBytes(declaresHuge), CodeImages.MAX_PIXELS));
        IOException e2 = assertThrows(IOException.class, () -> CodeImages.read(declaresHuge));
        assertTrue(e2.getMessage().startsWith(declaresHuge.toString()) && e2.getMessage().contains("over the limit"),
                e2.getMessage());
    }

    private static void assertSameImage(Path f) throws IOException {
        BufferedImage expected = ImageIO.read(f.toFile());
        BufferedImage actual = CodeImages.read(f);
        String what = f.getFileName().toString();
        assertEquals(expected.getType(), actual.getType(), what + " type");
        assertEquals(expected.getColorModel(), actual.getColorModel(), what + " colour model");
        Raster er = expected.getRaster();
        Raster ar = actual.getRaster();
        assertEquals(er.getSampleModel().getClass(), ar.getSampleModel().getClass(), what + " sample model");
        assertEquals(er.getNumBands(), ar.getNumBands(), what + " bands");
        if (er.getSampleModel() instanceof ComponentSampleModel es) {
            ComponentSampleModel as = (ComponentSampleModel) ar.getSampleModel();
            assertEquals(es.getPixelStride(), as.getPixelStride(), what + " pixel stride");
            assertEquals(es.getScanlineStride(), as.getScanlineStride(), what + " scanline stride");
            assertArrayEquals(es.getBandOffsets(), as.getBandOffsets(), what + " band offsets");
        }
        int w = expected.getWidth();
        int h = expected.getHeight();
        assertEquals(w, actual.getWidth(), what + " width");
        assertEquals(h, actual.getHeight(), what + " height");
        assertArrayEquals(er.getPixels(0, 0, w, h, (int[]) null), ar.getPixels(0, 0, w, h, (int[]) null),
                what + " samples");
        assertArrayEquals(expected.getRGB(0, 0, w, h, null, 0, w), actual.getRGB(0, 0, w, h, null, 0, w), what + " RGB");
    }

    private static void write(BufferedImage img, Path f, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }

    /** A PNG written here from the specification (section 9): the image data split over several IDAT chunks. */
    private static byte[] png(int w, int h, int colour, byte[] pixels, boolean extras) throws IOException {
        int bpp = colour == 0 ? 1 : colour == 2 ? 3 : 4;
        int rowBytes = w * bpp;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            int filter = y % 5;
            raw.write(filter);
            for (int i = 0; i < rowBytes; i++) {
                int x = pixels[y * rowBytes + i] & 0xff;
                int a = i >= bpp ? pixels[y * rowBytes + i - bpp] & 0xff : 0;
                int b = y > 0 ? pixels[(y - 1) * rowBytes + i] & 0xff : 0;
                int c = i >= bpp && y > 0 ? pixels[(y - 1) * rowBytes + i - bpp] & 0xff : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> {
                        int p = a + b - c;
                        int pa = Math.abs(p - a);
                        int pb = Math.abs(p - b);
                        int pc = Math.abs(p - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    }
                };
                raw.write((x - predictor) & 0xff);
            }
        }
        Deflater d = new Deflater(9);
        d.setInput(raw.toByteArray());
        d.finish();
        byte[] buf = new byte[raw.size() * 2 + 64];
        int n = d.deflate(buf);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", new byte[]{(byte) (w >> 24), (byte) (w >> 16), (byte) (w >> 8), (byte) w,
                (byte) (h >> 24), (byte) (h >> 16), (byte) (h >> 8), (byte) h, 8, (byte) colour, 0, 0, 0});
        if (extras) {
            chunk(out, "gAMA", new byte[]{0, 0, (byte) 0xb1, (byte) 0x8f});
            chunk(out, "sRGB", new byte[]{0});
            chunk(out, "tEXt", "Software\0test".getBytes(StandardCharsets.ISO_8859_1));
        }
        for (int p = 0; p < n; p += 100) {
            chunk(out, "IDAT", Arrays.copyOfRange(buf, p, Math.min(n, p + 100)));
        }
        if (extras) {
            chunk(out, "tIME", new byte[]{0x07, (byte) 0xea, 12, 1, 12, 0, 0});
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(new byte[]{(byte) (data.length >> 24), (byte) (data.length >> 16), (byte) (data.length >> 8),
                (byte) data.length});
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        int v = (int) crc.getValue();
        out.write(new byte[]{(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
    }

    /** Rewrites the IHDR chunk's CRC after its data was changed. */
    private static byte[] fixIhdrCrc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        int v = (int) crc.getValue();
        b[29] = (byte) (v >> 24);
        b[30] = (byte) (v >> 16);
        b[31] = (byte) (v >> 8);
        b[32] = (byte) v;
        return b;
    }
}
