package org.qartalign.eval;

import org.qartalign.core.CodeImages;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the text a code image carries, with the scan evaluators' decoder ({@link PlainScanEvaluator}'s thorough
 * settings), for codes whose URL nobody wrote down. Artistic codes often decode only after box-downscaling, which
 * averages the picture's texture out of each module, so smaller copies are tried when the full image fails.
 * Not thread-safe: one per thread.
 */
public final class ImageUrlReader {
    private static final int[] SIDES = {512, 320};
    private final QrDecoder decoder = new QrDecoder(DecoderSettings.THOROUGH);

    /** The decoded text, or null when no QR code could be read; unreadable files throw naming the file. */
    public String read(Path image) throws IOException {
        GrayImage full = GrayImage.of(CodeImages.read(image));
        String text = decoder.decode(full);
        for (int i = 0; text == null && i < SIDES.length; i++) {
            GrayImage small = full.downscaledTo(SIDES[i]);
            if (small != full) {
                text = decoder.decode(small);
            }
        }
        return text;
    }
}
