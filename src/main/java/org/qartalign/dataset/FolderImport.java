package org.qartalign.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a folder import is told: which folder names mean which answers, who sorted them, and where URLs come from. */
public final class FolderImport {
    /** Folders named 1 to 5 are aesthetic scores when no {@code --aesthetic} mapping is given. */
    public static final Map<String, Integer> SCORE_FOLDERS = Map.of("1", 1, "2", 2, "3", 3, "4", 4, "5", 5);
    /** Longer than any QR code's capacity (2,953 bytes at error correction L). */
    static final int MAX_URL = 4096;

    private FolderImport() {
    }

    /** Reads a code's URL from its image (the scan evaluators' decoder); null when no QR code could be read. */
    public interface UrlReader {
        String read(Path image) throws IOException;
    }

    /**
     * @param scanFolders folder name (any case) to scan answer: true scanned, false not scanned
     * @param aestheticFolders folder name (any case) to aesthetic score 1-5; empty means {@link #SCORE_FOLDERS}
     * @param phone the phone the labeler scanned with, recorded on the labeling session (may be null)
     * @param url the URL of every code not in {@code urls.csv}, or null
     * @param urlReader decodes the URL of codes neither {@code urls.csv} nor {@code url} gives, or null
     * @param allowOutside accept images reached through links that leave the folder
     */
    public record Options(Path folder, Map<String, Boolean> scanFolders, Map<String, Integer> aestheticFolders,
                          String labeler, String phone, String scannerApp, String url, UrlReader urlReader,
                          boolean allowOutside) {
        public Options {
            if (folder == null) {
                throw new IllegalArgumentException("no folder given");
            }
            if (labeler == null || labeler.isBlank()) {
                throw new IllegalArgumentException("--labeler: give the name of the person who sorted the images");
            }
            scanFolders = lowerKeys(scanFolders == null ? Map.of() : scanFolders);
            aestheticFolders = lowerKeys(aestheticFolders == null || aestheticFolders.isEmpty() ? SCORE_FOLDERS
                    : aestheticFolders);
            aestheticFolders.forEach((k, v) -> {
                if (v == null || v < 1 || v > 5) {
                    throw new IllegalArgumentException("--aesthetic " + k + "=" + v + ": a score is a whole number 1-5");
                }
            });
            phone = blankToNull(phone);
            scannerApp = blankToNull(scannerApp);
            url = blankToNull(url);
            if (url != null) {
                String problem = notAUrl(url);
                if (problem != null) {
                    throw new IllegalArgumentException("--url: " + problem);
                }
            }
        }

        public static Options of(Path folder, String labeler) {
            return new Options(folder, Map.of(), Map.of(), labeler, null, null, null, null, false);
        }

        public Options withScan(Map<String, Boolean> scan) {
            return new Options(folder, scan, aestheticFolders, labeler, phone, scannerApp, url, urlReader, allowOutside);
        }

        public Options withAesthetic(Map<String, Integer> aesthetic) {
            return new Options(folder, scanFolders, aesthetic, labeler, phone, scannerApp, url, urlReader, allowOutside);
        }

        public Options withSession(String phone, String scannerApp) {
            return new Options(folder, scanFolders, aestheticFolders, labeler, phone, scannerApp, url, urlReader,
                    allowOutside);
        }

        public Options withUrl(String url) {
            return new Options(folder, scanFolders, aestheticFolders, labeler, phone, scannerApp, url, urlReader,
                    allowOutside);
        }

        public Options withUrlReader(UrlReader reader) {
            return new Options(folder, scanFolders, aestheticFolders, labeler, phone, scannerApp, url, reader,
                    allowOutside);
        }

        public Options withAllowOutside(boolean allow) {
            return new Options(folder, scanFolders, aestheticFolders, labeler, phone, scannerApp, url, urlReader, allow);
        }
    }

    /**
     * @param files image files found in mapped folders
     * @param codes distinct images among them (by SHA-256): a copy in valid/ and in good/ is one code
     * @param labelsUnchanged codes whose label from this labeler, phone and scanner app already says the same
     * @param labelsCorrected codes whose earlier label from that session said something else and got a new version
     * @param ignored files outside every mapped folder that are not images (notes, sidecars of other tools)
     */
    public record Result(Path folder, int files, int codes, int added, int alreadyPresent, int labelsAdded, int labelsCorrected,
                         int labelsUnchanged, int ignored) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d image files, %d distinct images; %d codes added, %d already "
                            + "present; %d labels added, %d corrected, %d unchanged%s", folder, files, codes, added,
                    alreadyPresent, labelsAdded,
                    labelsCorrected, labelsUnchanged, ignored == 0 ? "" : "; " + ignored + " other files ignored");
        }
    }

    /** Parses {@code valid=scanned,invalid=not-scanned}. */
    public static Map<String, Boolean> parseScan(String spec) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs("--scan", spec).entrySet()) {
            String v = e.getValue().toLowerCase(Locale.ROOT);
            switch (v) {
                case "scanned" -> out.put(e.getKey(), true);
                case "not-scanned" -> out.put(e.getKey(), false);
                default -> throw new IllegalArgumentException("--scan " + e.getKey() + "=" + e.getValue()
                        + ": the answer is 'scanned' or 'not-scanned'");
            }
        }
        return out;
    }

    /** Parses {@code good=5,bad=2}. */
    public static Map<String, Integer> parseAesthetic(String spec) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs("--aesthetic", spec).entrySet()) {
            int score;
            try {
                score = Integer.parseInt(e.getValue().trim());
            } catch (NumberFormatException ex) {
                score = 0;
            }
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("--aesthetic " + e.getKey() + "=" + e.getValue()
                        + ": a score is a whole number 1-5");
            }
            out.put(e.getKey(), score);
        }
        return out;
    }

    private static Map<String, String> pairs(String option, String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).trim();
            if (eq < 0 || name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException(option + ": expected FOLDER=ANSWER pairs separated by commas, got '"
                        + part.trim() + "'");
            }
            if (out.put(name.toLowerCase(Locale.ROOT), part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(option + ": folder '" + name + "' is mapped twice");
            }
        }
        return out;
    }

    /** A scheme (RFC 3986 section 3.1) and a colon; for http(s) also "//" and a host. */
    private static final java.util.regex.Pattern URL_SHAPE =
            java.util.regex.Pattern.compile("(?i)(?:https?://[^/?#:@]+(?::\\d*)?(?:[/?#].*)?|(?!https?:)[a-z][a-z0-9+.-]*:.+)");

    /**
     * Why {@code text} is not a URL a code could carry, or null when it is one. Deliberately lenient about the
     * characters after the host: phones open URLs with raw quotes, brackets or '|' that strict RFC 3986 refuses, and
     * a real team's manifest carries what its generator encoded. Whitespace and a missing scheme or host are refused.
     */
    static String notAUrl(String text) {
        if (text.length() > MAX_URL) {
            return "'" + text.substring(0, 60) + "...' is " + text.length() + " characters long, over " + MAX_URL;
        }
        if (text.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return "'" + text + "' is not a URL (it contains spaces or control characters)";
        }
        if (!URL_SHAPE.matcher(text).matches()) {
            return "'" + text + "' is not a URL (expected e.g. https://example.com/...)";
        }
        return null;
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> m) {
        Map<String, V> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
