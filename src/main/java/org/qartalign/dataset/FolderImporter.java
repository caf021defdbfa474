package org.qartalign.dataset;

import org.qartalign.core.CodeImages;
import org.qartalign.core.CodeWithPair;
import org.qartalign.core.GeneratedCode;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.LabelerRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Builds codes and labels from folders of images sorted by people ({@code valid/}, {@code invalid/}, {@code good/},
 * {@code 1/}..{@code 5/}), all or nothing: every file is checked first and problems are reported as
 * {@code FILE: what} (or {@code FILE:LINE: what} for a sidecar CSV); only a clean folder is written, in one
 * transaction. Codes are keyed by the SHA-256 of their image, so re-running changes nothing; a label is keyed by
 * (code, labeler, phone, scanner app), and a re-sorted image gets a new version of that label, never a second one.
 */
public final class FolderImporter {
    public static final String PROMPTS = "prompts.csv";
    public static final String URLS = "urls.csv";
    /** Flag on every label this importer writes. */
    public static final String FLAG = "imported";
    static final int MAX_FILES = 200_000;
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "tif",
            "tiff", "heic", "avif");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    private final Database db;

    public FolderImporter(Database db) {
        this.db = db;
    }

    /** One image file and the answers its folders give. */
    private record Found(Path file, String rel, Boolean scanned, Integer aesthetic) {
    }

    /** One distinct image: its files, merged answers, and where it goes. */
    private static final class Code {
        final String sha;
        final List<Found> files = new ArrayList<>();
        Boolean scanned;
        Integer aesthetic;
        String prompt;
        String url;
        CodeWithPair existing;
        Label head;

        Code(String sha) {
            this.sha = sha;
        }

        String id() {
            return existing != null ? existing.id() : "f-" + sha.substring(0, 16);
        }

        Found first() {
            return files.get(0);
        }
    }

    public FolderImport.Result run(FolderImport.Options o, DemoDataset.Progress progress, BooleanSupplier cancelled) {
        Path root = o.folder().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ImportException(List.of(root + ": folder not found"), 1, "this folder");
        }
        int[] ignored = {0};
        List<Code> codes = validate(root, o, progress, cancelled, ignored);
        check(cancelled);
        progress.update(0.95, "Writing " + codes.size() + " codes");
        int[] counts = new int[5];
        Instant now = Instant.now();
        db.inTransaction(() -> {
            Labeler labeler = new LabelerRepository(db).getOrCreate(o.labeler(), false);
            LabelingSession session = session(labeler, o, now);
            for (Code code : codes) {
                if (code.existing == null) {
                    long pairId = new DatasetRepository(db).pairId(code.prompt, code.url);
                    new DatasetRepository(db).insertCode(new GeneratedCode(code.id(), pairId, storedPath(code.first().file()),
                            code.sha, Map.of()));
                    counts[0]++;
                } else {
                    counts[1]++;
                }
                String key = labelKey(code.id(), o);
                if (code.head == null) {
                    new LabelRepository(db).insert(label(key, code, labeler, session, now, null));
                    counts[2]++;
                } else if (sameAnswer(code.head, code)) {
                    counts[4]++;
                } else {
                    new LabelRepository(db).insert(label(UUID.randomUUID().toString(), code, labeler, session, now,
                            code.head.uuid()));
                    counts[3]++;
                }
            }
            check(cancelled);
            return null;
        });
        progress.update(1, "done");
        int files = codes.stream().mapToInt(c -> c.files.size()).sum();
        return new FolderImport.Result(root, files, codes.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
                ignored[0]);
    }

    private List<Code> validate(Path root, FolderImport.Options o, DemoDataset.Progress progress,
                                BooleanSupplier cancelled, int[] ignored) {
        List<String> problems = new ArrayList<>();
        Map<String, Code> codes = new LinkedHashMap<>();
        try {
            progress.update(0, "Listing " + root);
            List<Path> files = list(root, o, problems);
            Map<String, SidecarCsv.Row> prompts = sidecar(root.resolve(PROMPTS), "prompt", problems);
            Map<String, SidecarCsv.Row> urls = sidecar(root.resolve(URLS), "url", problems);
            urls.values().forEach(r -> {
                String notUrl = FolderImport.notAUrl(r.value());
                if (notUrl != null) {
                    problems.add(root.resolve(URLS) + ":" + r.line() + ": " + notUrl);
                }
            });
            for (int i = 0; i < files.size(); i++) {
                check(cancelled);
                Path file = files.get(i);
                progress.update(0.5 * i / files.size(), "Checking " + root.relativize(file));
                Found f = classify(root, file, o, problems, ignored);
                if (f != null) {
                    String sha = imageSha(file, problems);
                    if (sha != null) {
                        merge(codes.computeIfAbsent(sha, Code::new), f, problems);
                    }
                }
            }
            Set<String> usedPrompts = new HashSet<>();
            Set<String> usedUrls = new HashSet<>();
            Map<String, CodeWithPair> stored = new HashMap<>();
            Set<String> storedIds = new HashSet<>();
            for (CodeWithPair c : new DatasetRepository(db).codes()) {
                storedIds.add(c.id());
                if (c.code().sha256() != null) {
                    stored.putIfAbsent(c.code().sha256(), c);
                }
            }
            Long labelerId = new LabelerRepository(db).all().stream()
                    .filter(l -> l.name().equals(o.labeler().trim())).map(Labeler::id).findFirst().orElse(null);
            int done = 0;
            for (Code code : codes.values()) {
                check(cancelled);
                progress.update(0.5 + 0.45 * done++ / codes.size(), "Reading the URL of " + code.first().rel());
                code.existing = stored.get(code.sha);
                code.prompt = lookup(prompts, code, usedPrompts);
                if (code.prompt == null) {
                    code.prompt = promptFromName(code.first().file());
                }
                String given = lookup(urls, code, usedUrls);
                if (given == null) {
                    given = o.url();
                }
                if (code.existing != null) {
                    if (given != null && !given.equals(code.existing.url())) {
                        problems.add(code.first().file() + ": already in the database as code " + code.existing.id()
                                + " with URL " + code.existing.url() + ", not " + given);
                    }
                    code.head = head(labelerId, code.id(), labelKey(code.id(), o));
                    continue;
                }
                if (storedIds.contains(code.id())) {
                    problems.add(code.first().file() + ": the database already has a different code with id "
                            + code.id());
                }
                code.url = given != null ? given : decode(code, o, problems);
            }
            unused(root.resolve(PROMPTS), prompts, usedPrompts, problems);
            unused(root.resolve(URLS), urls, usedUrls, problems);
            if (codes.isEmpty() && problems.isEmpty()) {
                problems.add(root + ": no images in folders named " + String.join(", ", mappedNames(o)));
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems.subList(0, Math.min(problems.size(), ManifestImporter.MAX_REPORTED)),
                    problems.size(), "this folder");
        }
        return new ArrayList<>(codes.values());
    }

    /** Every regular file under {@code root}, sorted; links that leave the folder are problems unless allowed. */
    private static List<Path> list(Path root, FolderImport.Options o, List<String> problems) throws IOException {
        Path realRoot = root.toRealPath();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (files.size() >= MAX_FILES) {
                    problems.add(root + ": more than " + MAX_FILES + " files; import the folders one at a time");
                    return FileVisitResult.TERMINATE;
                }
                if (attrs.isSymbolicLink()) {
                    if (!Files.exists(file)) {
                        problems.add(file + ": a link to nothing (" + Files.readSymbolicLink(file) + ")");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!o.allowOutside() && !file.toRealPath().startsWith(realRoot)) {
                        problems.add(file + ": a link to " + file.toRealPath() + ", outside the folder " + root
                                + " (use --allow-outside to accept it)");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!Files.isRegularFile(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(file + ": cannot be read (" + e.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** The answers a file's folders give, or null when it is not an image to import. */
    private static Found classify(Path root, Path file, FolderImport.Options o, List<String> problems, int[] ignored) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || SYSTEM_FILES.contains(lower) || rel.equals(PROMPTS) || rel.equals(URLS)) {
            return null;
        }
        Boolean scanned = null;
        Integer aesthetic = null;
        String scanFolder = null;
        String aestheticFolder = null;
        for (Path part : root.relativize(file).getParent() == null ? List.<Path>of() : root.relativize(file).getParent()) {
            String folder = part.toString().toLowerCase(Locale.ROOT);
            Boolean s = o.scanFolders().get(folder);
            Integer a = o.aestheticFolders().get(folder);
            if (s != null) {
                if (scanFolder != null && !s.equals(scanned)) {
                    problems.add(file + ": inside both " + scanFolder + "/ and " + part + "/, which give different "
                            + "scan answers");
                    return null;
                }
                scanFolder = part.toString();
                scanned = s;
            }
            if (a != null) {
                if (aestheticFolder != null && !a.equals(aesthetic)) {
                    problems.add(file + ": inside both " + aestheticFolder + "/ and " + part + "/, which give "
                            + "different aesthetic scores");
                    return null;
                }
                aestheticFolder = part.toString();
                aesthetic = a;
            }
        }
        boolean looksLikeImage = IMAGE_EXTENSIONS.contains(extension(lower));
        if (scanned == null && aesthetic == null) {
            if (looksLikeImage) {
                problems.add(file + ": not inside a folder named " + String.join(", ", mappedNames(o))
                        + "; move it into one or map its folder with --scan or --aesthetic");
            } else {
                ignored[0]++;
            }
            return null;
        }
        return new Found(file, rel, scanned, aesthetic);
    }

    /** The image's SHA-256 after the checks of {@code import}: a known image format, a sane declared size. */
    private static String imageSha(Path file, List<String> problems) {
        try {
            CodeImages.declaredSize(file);
            return CodeImages.sha256(file);
        } catch (IOException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The same bytes in two folders (valid/ and good/) make one code with both answers, unless they disagree. */
    private static void merge(Code code, Found f, List<String> problems) {
        if (f.scanned() != null) {
            if (code.scanned != null && !code.scanned.equals(f.scanned())) {
                problems.add(f.file() + ": the same image as " + earlier(code, true) + ", sorted with the other "
                        + "scan answer");
            }
            code.scanned = f.scanned();
        }
        if (f.aesthetic() != null) {
            if (code.aesthetic != null && !code.aesthetic.equals(f.aesthetic())) {
                problems.add(f.file() + ": the same image as " + earlier(code, false) + ", sorted with another "
                        + "aesthetic score (" + code.aesthetic + " there, " + f.aesthetic() + " here)");
            }
            code.aesthetic = f.aesthetic();
        }
        code.files.add(f);
    }

    private static Path earlier(Code code, boolean scan) {
        return code.files.stream().filter(x -> scan ? x.scanned() != null : x.aesthetic() != null)
                .map(Found::file).findFirst().orElse(code.first().file());
    }

    private static Map<String, SidecarCsv.Row> sidecar(Path csv, String column, List<String> problems)
            throws IOException {
        return Files.isRegularFile(csv) ? SidecarCsv.read(csv, column, problems) : Map.of();
    }

    /** A sidecar row by the image's path in the folder, else by its file name. */
    private static String lookup(Map<String, SidecarCsv.Row> rows, Code code, Set<String> used) {
        for (Found f : code.files) {
            for (String key : List.of(f.rel(), f.file().getFileName().toString())) {
                SidecarCsv.Row r = rows.get(key);
                if (r != null) {
                    used.add(key);
                    return r.value();
                }
            }
        }
        return null;
    }

    /** A row naming no image is most likely a typo; all or nothing means it is reported, not skipped. */
    private static void unused(Path csv, Map<String, SidecarCsv.Row> rows, Set<String> used, List<String> problems) {
        for (SidecarCsv.Row r : rows.values()) {
            if (!used.contains(r.file())) {
                problems.add(csv + ":" + r.line() + ": no image " + r.file() + " in a mapped folder");
            }
        }
    }

    private static String decode(Code code, FolderImport.Options o, List<String> problems) {
        Path file = code.first().file();
        if (o.urlReader() == null) {
            problems.add(file + ": no URL; list it in " + URLS + " (file,url), or pass --url or --url-from-decode");
            return null;
        }
        try {
            String text = o.urlReader().read(file);
            if (text == null) {
                problems.add(file + ": no QR code could be decoded to a URL; list it in " + URLS + " (file,url)");
                return null;
            }
            String notUrl = FolderImport.notAUrl(text);
            if (notUrl != null) {
                problems.add(file + ": the QR code decodes to " + notUrl + "; list its URL in " + URLS);
                return null;
            }
            return text;
        } catch (IOException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** "a_fox-in the snow.png" becomes "a fox in the snow". */
    static String promptFromName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[_\\-]+", " ").trim();
        return stem.replaceAll("\\s+", " ");
    }

    /** The current version of the chain that started at {@code key}, or null if there is none. */
    private Label head(Long labelerId, String codeId, String key) {
        if (labelerId == null) {
            return null;
        }
        Label cur = null;
        Map<String, Label> next = new HashMap<>();
        for (Label l : new LabelRepository(db).history(codeId, labelerId)) {
            if (l.uuid().equals(key)) {
                cur = l;
            }
            if (l.supersedes() != null) {
                next.put(l.supersedes(), l);
            }
        }
        while (cur != null && next.containsKey(cur.uuid())) {
            cur = next.get(cur.uuid());
        }
        return cur;
    }

    private static boolean sameAnswer(Label head, Code code) {
        return head.kind() == LabelKind.ANSWER && Objects.equals(head.scanned(), code.scanned)
                && Objects.equals(head.aesthetic(), code.aesthetic);
    }

    private static Label label(String uuid, Code code, Labeler labeler, LabelingSession session, Instant at,
                               String supersedes) {
        return new Label(uuid, code.id(), labeler.id(), session.id(), LabelKind.ANSWER, code.scanned, null,
                code.aesthetic, null, null, at, FLAG, supersedes);
    }

    /** The label of one code from one labeler with one phone and scanner app: what re-running must not repeat. */
    private static String labelKey(String codeId, FolderImport.Options o) {
        return UUID.nameUUIDFromBytes(("import-folders\0" + codeId + "\0" + o.labeler().trim() + "\0" + o.phone()
                + "\0" + o.scannerApp()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private LabelingSession session(Labeler labeler, FolderImport.Options o, Instant now) {
        for (LabelingSession s : new LabelerRepository(db).sessions()) {
            if (s.labelerId() == labeler.id() && Objects.equals(s.phoneModel(), o.phone())
                    && Objects.equals(s.scannerApp(), o.scannerApp())) {
                return s;
            }
        }
        return new LabelerRepository(db).startSession(labeler.id(), o.phone(), o.scannerApp(), 0.0, "import-folders", now);
    }

    /** Relative to the database folder when the image lies inside it, else absolute. */
    private String storedPath(Path image) {
        Path folder = db.folder().toAbsolutePath().normalize();
        Path abs = image.toAbsolutePath().normalize();
        return abs.startsWith(folder) ? folder.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    private static List<String> mappedNames(FolderImport.Options o) {
        List<String> names = new ArrayList<>(new TreeMap<>(o.scanFolders()).keySet());
        names.addAll(new TreeMap<>(o.aestheticFolders()).keySet());
        return names;
    }

    private static String extension(String lowerName) {
        int dot = lowerName.lastIndexOf('.');
        return dot < 0 ? "" : lowerName.substring(dot + 1);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("folder import cancelled; nothing was stored");
        }
    }
}
