package org.qartalign.eval;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.qrcode.QRCodeReader;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * ZXing's QR reader with the hints that matter, on ZXing's hybrid then global-histogram thresholds (built word by
 * word in {@link WordBinarizers}, same bits). Not thread-safe (neither is the reader): one per worker.
 *
 * @see DecoderSettings
 */
public final class QrDecoder {
    private final QRCodeReader reader = new QRCodeReader();
    private final DecoderSettings settings;
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);

    public QrDecoder(DecoderSettings settings) {
        this.settings = settings;
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (settings.tryHarder()) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        if (settings.characterSet() != null) {
            hints.put(DecodeHintType.CHARACTER_SET, settings.characterSet());
        }
    }

    public DecoderSettings settings() {
        return settings;
    }

    /** The decoded text, or null when no QR code was found or it could not be read. */
    public String decode(GrayImage image) {
        LuminanceSource source = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(),
                0, 0, image.width(), image.height(), false);
        String text = decode(new BinaryBitmap(WordBinarizers.hybrid(source)));
        if (text == null && settings.globalHistogramFallback()) {
            text = decode(new BinaryBitmap(WordBinarizers.global(source)));
        }
        return text;
    }

    private String decode(BinaryBitmap bitmap) {
        try {
            Result r = reader.decode(bitmap, hints);
            return r.getText();
        } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        } finally {
            reader.reset();
        }
    }
}
