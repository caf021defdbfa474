package org.qartalign.alignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.qartalign.store.Json;

/** The JSON form of the report, the contract other tools read. */
public final class ReportJsonWriter {
    private ReportJsonWriter() {
    }

    public static String write(AlignmentReport report) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
