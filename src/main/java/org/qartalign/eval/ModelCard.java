package org.qartalign.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.qartalign.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code model.json} card of a TorchScript model folder: what tensor the model takes and what it returns,
 * and what people should know before trusting it.
 *
 * @param file the TorchScript file, relative to the folder
 * @param outputSize values per image: 1 for a score, the embedding length otherwise
 * @param outputNames names of the embedding's values (empty for a score or when the card gives none)
 * @param scoreRange the score's nominal range [low, high], or null when the card gives none
 */
public record ModelCard(String name, String version, String file, InputSpec input, OutputKind outputKind,
                        int outputSize, List<String> outputNames, double[] scoreRange, String provenance,
                        String licence, String goodFor, String notGoodFor) {
    public static final String FILE_NAME = "model.json";

    public enum OutputKind { SCORE, EMBEDDING }

    public enum Resize {
        /** Scale to exactly width x height, ignoring aspect ratio. */
        STRETCH,
        /** Scale so the shorter side fits, then cut the centre (CLIP-style preprocessing). */
        SHORTER_SIDE_CENTER_CROP
    }

    public enum Interpolation { NEAREST, BILINEAR, BICUBIC }

    /**
     * How an image becomes the model's input tensor: resize, then per channel (value / 255 - mean) / std, laid
     * out channels-first in {@code channels} order.
     */
    public record InputSpec(int width, int height, Resize resize, Interpolation interpolation, boolean bgr,
                            double[] mean, double[] std) {
    }

    /** Reads and checks a card; every problem names the card file and the field. */
    public static ModelCard read(Path cardFile) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(cardFile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(cardFile + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(cardFile + ": expected a JSON object");
        }
        Fields f = new Fields(cardFile, root);
        JsonNode in = f.object(root, "input");
        JsonNode out = f.object(root, "output");
        String channels = f.text(in, "input.channels").toUpperCase(Locale.ROOT);
        if (!channels.equals("RGB") && !channels.equals("BGR")) {
            throw f.bad("input.channels", "must be \"RGB\" or \"BGR\", not \"" + channels + "\"");
        }
        InputSpec input = new InputSpec(f.positiveInt(in, "input.width"), f.positiveInt(in, "input.height"),
                f.choice(in, "input.resize", Resize.class), f.choice(in, "input.interpolation", Interpolation.class),
                channels.equals("BGR"), f.triple(in, "input.mean", false), f.triple(in, "input.std", true));
        OutputKind kind = f.choice(out, "output.kind", OutputKind.class);
        List<String> names = new ArrayList<>();
        if (out.has("names")) {
            for (JsonNode n : out.get("names")) {
                names.add(n.asText());
            }
        }
        int size = kind == OutputKind.SCORE ? 1 : f.positiveInt(out, "output.size");
        if (!names.isEmpty() && names.size() != size) {
            throw f.bad("output.names", "has " + names.size() + " names but output.size is " + size);
        }
        double[] range = null;
        if (out.has("range")) {
            JsonNode r = out.get("range");
            if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()) {
                throw f.bad("output.range", "must be [low, high]");
            }
            range = new double[] {r.get(0).asDouble(), r.get(1).asDouble()};
        }
        return new ModelCard(f.text(root, "name"), f.text(root, "version"), f.text(root, "file"), input, kind, size,
                List.copyOf(names), range, root.path("provenance").asText(""), root.path("licence").asText(""),
                root.path("good_for").asText(""), root.path("not_good_for").asText(""));
    }

    private record Fields(Path card, JsonNode root) {
        IOException bad(String field, String why) {
            return new IOException(card + ": field " + field + " " + why);
        }

        JsonNode object(JsonNode parent, String field) throws IOException {
            JsonNode n = parent.get(field);
            if (n == null || !n.isObject()) {
                throw bad(field, "is missing or not an object");
            }
            return n;
        }

        String text(JsonNode parent, String path) throws IOException {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.isTextual() || n.asText().isBlank()) {
                throw bad(path, "is missing or empty");
            }
            return n.asText().trim();
        }

        int positiveInt(JsonNode parent, String path) throws IOException {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
                throw bad(path, "must be a positive whole number");
            }
            return n.asInt();
        }

        <E extends Enum<E>> E choice(JsonNode parent, String path, Class<E> type) throws IOException {
            String v = text(parent, path);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    allowed.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                throw bad(path, "is \"" + v + "\"; expected one of " + allowed);
            }
        }

        double[] triple(JsonNode parent, String path, boolean positive) throws IOException {
            JsonNode n = parent.get(last(path));
            if (n == null || !n.isArray() || n.size() != 3) {
                throw bad(path, "must be a list of 3 numbers (one per channel)");
            }
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                if (!n.get(i).isNumber() || (positive && n.get(i).asDouble() <= 0)) {
                    throw bad(path, "must hold 3 " + (positive ? "positive " : "") + "numbers");
                }
                v[i] = n.get(i).asDouble();
            }
            return v;
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
