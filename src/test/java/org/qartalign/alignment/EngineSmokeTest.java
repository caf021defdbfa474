package org.qartalign.alignment;

import org.junit.jupiter.api.Test;
import org.qartalign.store.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class EngineSmokeTest {
    @Test
    void runs() throws Exception {
        AlignmentInput in = SyntheticInput.generate(400, 3, 3, 7);
        AlignmentReport r = Alignment.report(in, new ReportOptions(50, 1, 0.5, 0.95, List.of(), "aesthetic-1", false));
        Files.writeString(Path.of("/tmp/report.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
    }
}
