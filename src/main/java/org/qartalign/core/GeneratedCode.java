package org.qartalign.core;

import java.util.Map;
import java.util.Objects;

/**
 * One generated QR-art image for a prompt-URL pair.
 *
 * @param imagePath path of the image, relative to the database's folder unless absolute
 * @param sha256 hex SHA-256 of the image bytes, the cache key for evaluations
 * @param params generation parameters (strength, guidance_start, guidance_end, seed, ...)
 */
public record GeneratedCode(String id, long pairId, String imagePath, String sha256, Map<String, Object> params) {
    public GeneratedCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imagePath, "imagePath");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A numeric generation parameter, or null when absent or not a number. */
    public Double numericParam(String name) {
        Object v = params.get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
