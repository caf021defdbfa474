package org.qartalign.eval;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import java.awt.image.BufferedImage;

/** Image in, the model's values for that image out; batches stack along a new first axis. */
final class ImageTranslator implements Translator<BufferedImage, float[]> {
    private final ModelCard.InputSpec spec;

    ImageTranslator(ModelCard.InputSpec spec) {
        this.spec = spec;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        float[] chw = ImageTensors.toChw(image, spec);
        return new NDList(ctx.getNDManager().create(chw, new Shape(3, spec.height(), spec.width())));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
