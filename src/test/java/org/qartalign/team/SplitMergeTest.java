package org.qartalign.team;

import org.qartalign.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.Label;
import org.qartalign.labeling.LabelingWorkflow;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelMerge;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.StoreException;
import org.qartalign.testing.TestDatasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property-style: whatever the order and repetition of merges, the merged database holds the same labels. */
class SplitMergeTest {
    private static final List<String> TEAM = List.of("ana", "ben", "cy");

    @TempDir
    Path dir;
    private Path main;

    @BeforeEach
    void dataset() {
        try (Database db = TestDatasets.withCodes(dir.resolve("main"), 40)) {
            main = db.file();
        }
    }

    /**
     * Everything a merge must carry, with row ids replaced by natural keys: each label version with its labeler's
     * name, its session's (labeler, start, phone) and its supersedes link; the labelers; the sessions.
     */
    static TreeSet<String> content(Path file) {
        try (Database db = Database.open(file)) {
            return db.read(c -> {
                TreeSet<String> out = new TreeSet<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT 'label', l.uuid, l.code_id, p.name, s.started_at, s.phone_model, l.kind, l.scanned,
                               l.reason, l.aesthetic, l.shown_at, l.scan_ms, l.submitted_at, l.flags, l.supersedes
                        FROM label l JOIN labeler p ON p.id = l.labeler_id
                        LEFT JOIN labeling_session s ON s.id = l.session_id
                        UNION ALL SELECT 'labeler', name, simulated, '', '', '', '', '', '', '', '', '', '', '', ''
                        FROM labeler
                        UNION ALL SELECT 'session', p.name, s.started_at, s.phone_model, s.scanner_app, s.display_mm,
                               s.app_version, '', '', '', '', '', '', '', ''
                        FROM labeling_session s JOIN labeler p ON p.id = s.labeler_id""");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= 15; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        out.add(row.toString());
                    }
                }
                return out;
            });
        }
    }

    private List<Path> splitAndLabel(long seed) {
        CliRun split = CliRun.of("split", "--db", main.toString(), "--labelers", String.join(",", TEAM),
                "--out", dir.resolve("team").toString());
        assertEquals(0, split.exit(), split.err());
        List<Path> files = new ArrayList<>();
        Random r = new Random(seed);
        for (int i = 0; i < TEAM.size(); i++) {
            Path f = dir.resolve("team").resolve(TEAM.get(i)).resolve("labels.db");
            files.add(f);
            try (Database db = Database.open(f)) {
                for (int session = 0; session < 2; session++) {
                    LabelingWorkflow w = TeamLabeling.start(db, TEAM.get(i),
                            TeamLabeling.ticking(Instant.parse("2026-04-0" + (1 + session) + "T0" + i + ":00:00Z")));
                    TeamLabeling.randomSession(w, r, 15 + r.nextInt(20));
                }
            }
        }
        return files;
    }

    private Path freshCopyOfMain(String name) throws Exception {
        Path copy = dir.resolve(name + ".db");
        Files.copy(main, copy);
        return copy;
    }

    @Test
    void mergingInAnyOrderAndAnyRepetitionGivesTheSameLabels() throws Exception {
        List<Path> splits = splitAndLabel(11);
        TreeSet<String> union = new TreeSet<>(content(main));
        for (Path s : splits) {
            union.addAll(content(s));
        }
        Random r = new Random(5);
        TreeSet<String> first = null;
        for (int trial = 0; trial < 6; trial++) {
            List<Path> sequence = new ArrayList<>(splits);
            for (int extra = r.nextInt(4); extra > 0; extra--) {
                sequence.add(splits.get(r.nextInt(splits.size())));
            }
            Collections.shuffle(sequence, r);
            Path target = freshCopyOfMain("merged" + trial);
            try (Database db = Database.open(target)) {
                LabelMerge merge = new LabelMerge(db);
                for (Path s : sequence) {
                    merge.mergeFrom(s);
                }
                assertEquals(0, merge.mergeFrom(sequence.get(0)).labelsAdded(), "a repeated merge adds nothing");
            }
            TreeSet<String> got = content(target);
            assertEquals(union, got, "trial " + trial + " merged " + sequence);
            if (first == null) {
                first = got;
            }
            assertEquals(first, got);
        }
    }

    @Test
    void mergeReportsWhatItAddedAndKeepsEveryVersionAndItsHistory() throws Exception {
        List<Path> splits = splitAndLabel(3);
        int versions = 0;
        for (Path s : splits) {
            try (Database db = Database.open(s)) {
                versions += new LabelRepository(db).count();
            }
        }
        CliRun merged = CliRun.of(new String[] {"merge", "--db", main.toString(), splits.get(0).toString(),
                splits.get(1).toString(), splits.get(2).toString()});
        assertEquals(0, merged.exit(), merged.err());
        assertTrue(merged.out().contains("label versions added"), merged.out());
        try (Database db = Database.open(main)) {
            List<Label> all = new LabelRepository(db).all();
            assertEquals(versions, all.size());
            TreeSet<String> uuids = new TreeSet<>();
            all.forEach(l -> uuids.add(l.uuid()));
            for (Label l : all) {
                assertTrue(l.supersedes() == null || uuids.contains(l.supersedes()), "history chain intact: " + l);
            }
        }
        CliRun again = CliRun.of("merge", "--db", main.toString(), splits.get(1).toString());
        assertTrue(again.out().contains(": 0 label versions added"), again.out());
    }

    @Test
    void aDatabaseWhoseImagesDifferIsRefusedNamingTheCodesAndNothingIsWritten() throws Exception {
        List<Path> splits = splitAndLabel(8);
        try (Database other = Database.open(splits.get(0))) {
            other.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE code SET image_sha256 = 'beef' WHERE id IN ('c007', 'c031')")) {
                    s.executeUpdate();
                }
                return null;
            });
        }
        TreeSet<String> before = content(main);
        CliRun refused = CliRun.of("merge", "--db", main.toString(), splits.get(0).toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("same id, different image SHA-256: c007, c031"), refused.err());
        assertTrue(refused.err().contains("Nothing was written"), refused.err());
        assertEquals(before, content(main));
    }

    @Test
    void splitCopiesTheDatasetAndReferencesOrCopiesTheImages() throws Exception {
        CliRun copied = CliRun.of("split", "--db", main.toString(), "--labelers", "dee", "--out",
                dir.resolve("copies").toString(), "--copy-images");
        assertEquals(0, copied.exit(), copied.err());
        CliRun referenced = CliRun.of("split", "--db", main.toString(), "--labelers", "eve", "--out",
                dir.resolve("refs").toString());
        assertEquals(0, referenced.exit(), referenced.err());
        for (Path f : List.of(dir.resolve("copies/dee/labels.db"), dir.resolve("refs/eve/labels.db"))) {
            try (Database db = Database.open(f)) {
                List<CodeWithPair> codes = new DatasetRepository(db).codes();
                assertEquals(40, codes.size());
                for (CodeWithPair c : codes) {
                    Path image = CodeImages.resolve(db.folder(), c.code().imagePath());
                    assertEquals(c.code().sha256(), CodeImages.sha256(image));
                    assertEquals(f.toString().contains("copies"), image.startsWith(db.folder()), image.toString());
                }
                assertFalse(new org.qartalign.store.LabelerRepository(db).all().isEmpty(), "labeler pre-created");
            }
        }
        CliRun twice = CliRun.of("split", "--db", main.toString(), "--labelers", "eve", "--out", dir.resolve("refs").toString());
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("already exists"), twice.err());
        CliRun dup = CliRun.of("split", "--db", main.toString(), "--labelers", "ana,ana", "--out", dir.resolve("x").toString());
        assertTrue(dup.err().contains("'ana' is named twice"), dup.err());
        assertThrows(StoreException.class, () -> {
            try (Database db = Database.open(main)) {
                new LabelMerge(db).mergeFrom(main);
            }
        });
    }
}
