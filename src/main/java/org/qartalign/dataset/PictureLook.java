package org.qartalign.dataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Palette (5 colours), motifs and texture, from the prompt's words with the seed for what the words leave open. */
final class PictureLook {
    final int[][] palette;
    final List<String> motifs;
    final double cloudiness;
    final double texture;
    /** Whether the prompt's words chose the palette (else the seed did). */
    final boolean paletteFromWords;

    private PictureLook(int[][] palette, List<String> motifs, double cloudiness, double texture,
                        boolean paletteFromWords) {
        this.paletteFromWords = paletteFromWords;
        this.palette = palette;
        this.motifs = motifs;
        this.cloudiness = cloudiness;
        this.texture = texture;
    }

    private static final String[][] PALETTES = {
            {"dusk", "2b1d4e", "c0587e", "f4a259", "6d3b8c", "ffd38a"},
            {"sunset", "ff7e5f", "feb47b", "8e3b5f", "ffcf71", "fff1c1"},
            {"dawn", "f6d6ad", "f9a8a8", "7ea6d8", "fbe3c4", "fffaf0"},
            {"night", "0b1633", "1f3b73", "0d0d1a", "3c5a99", "f2e6a7"},
            {"moon", "101a3a", "3a4f7a", "1a1a2e", "8fa3c7", "f5f3ce"},
            {"stars", "0a0f2c", "26235e", "05070f", "5a4e9c", "ffffff"},
            {"forest", "1e3d2f", "4f7942", "2d5a27", "8fbc8f", "e3d18a"},
            {"jungle", "0f4d2a", "3fa34d", "1b5e20", "a5d6a7", "ffeb3b"},
            {"ocean", "0e4d92", "2a9df4", "1167b1", "a6e1fa", "fdfdfd"},
            {"sea", "03396c", "005b96", "6497b1", "b3cde0", "f2f7fb"},
            {"underwater", "013a63", "01497c", "2a6f97", "61a5c2", "ffd166"},
            {"desert", "e4b363", "c2703d", "7d4e24", "f3d9a4", "fff3d6"},
            {"canyon", "a0522d", "d2691e", "6b3e26", "f4a460", "ffe4c4"},
            {"autumn", "8c2f1b", "d96c06", "f2a541", "5a3d2b", "f7e1b5"},
            {"winter", "dfe9f3", "9bb7d4", "4a6fa5", "ffffff", "2e4a7a"},
            {"snow", "f0f4f8", "b0c4de", "6c8ebf", "ffffff", "34495e"},
            {"neon", "12002e", "ff2a6d", "05d9e8", "d1f7ff", "ff9f1c"},
            {"cyberpunk", "0d0221", "ff00a0", "00f0ff", "2e2157", "fcee0c"},
            {"vaporwave", "ff71ce", "01cdfe", "b967ff", "05ffa1", "fffb96"},
            {"synthwave", "241734", "f72585", "7209b7", "4cc9f0", "ffd60a"},
            {"ukiyo-e", "f2e8cf", "1d3557", "c1121f", "669bbc", "fdf0d5"},
            {"ink", "f5f1e8", "2b2b2b", "8a8a8a", "d9d4c7", "111111"},
            {"charcoal", "e8e6e1", "3b3b3b", "777777", "bdbdbd", "111111"},
            {"noir", "0f0f0f", "444444", "bbbbbb", "222222", "eeeeee"},
            {"monochrome", "f0f0f0", "5c5c5c", "1e1e1e", "a8a8a8", "ffffff"},
            {"pastel", "ffd6e0", "c1fba4", "a0c4ff", "fdffb6", "ffffff"},
            {"cherry", "ffc2d1", "ff8fab", "fb6f92", "ffe5ec", "6b2737"},
            {"lavender", "b8a1d9", "7b5ea7", "e6dcf5", "4b3869", "fff8e7"},
            {"sunflower", "ffd23f", "ee8434", "3f7d20", "fff3b0", "6b4226"},
            {"golden", "b8860b", "ffd700", "8b5a2b", "ffe8a3", "fff8dc"},
            {"art deco", "1c1c1c", "c9a227", "2f4858", "e8d8a8", "f6f1e1"},
            {"stained glass", "8b0000", "1e90ff", "ffd700", "228b22", "4b0082"},
            {"coral", "ff6f59", "43aa8b", "254441", "ffd6ba", "f1f7ed"},
            {"ghibli", "8ecae6", "219ebc", "90be6d", "ffb703", "fefae0"},
            {"rain", "3d4a5c", "6b7f99", "22303f", "9aa9bd", "e0e6ee"},
            {"fog", "b8c0c8", "8e99a4", "dde3e8", "5e6b78", "f4f6f8"},
            {"mist", "c9d3d9", "9aa8b2", "e8eef1", "6f7f8a", "ffffff"},
            {"space", "000814", "001d3d", "003566", "5e548e", "ffc300"},
            {"galaxy", "10002b", "3c096c", "7b2cbf", "c77dff", "e0aaff"},
    };
    private static final String[][] MOTIFS = {
            {"moon", "disc"}, {"sun", "disc"}, {"dusk", "disc"}, {"sunset", "disc"}, {"balloon", "disc"},
            {"mountain", "mountains"}, {"canyon", "mountains"}, {"castle", "mountains"}, {"valley", "mountains"},
            {"snowy", "mountains"}, {"sea", "waves"}, {"ocean", "waves"}, {"wave", "waves"}, {"lake", "waves"},
            {"pond", "waves"}, {"ship", "waves"}, {"whale", "waves"}, {"river", "waves"}, {"forest", "trees"},
            {"jungle", "trees"}, {"tree", "trees"}, {"village", "buildings"}, {"city", "buildings"},
            {"skyline", "buildings"}, {"street", "buildings"}, {"alley", "buildings"}, {"market", "buildings"},
            {"station", "buildings"}, {"library", "buildings"}, {"flower", "petals"}, {"blossom", "petals"},
            {"garden", "petals"}, {"lavender", "petals"}, {"sunflower", "petals"}, {"wildflower", "petals"},
            {"star", "stars"}, {"galaxy", "stars"}, {"space", "stars"}, {"night", "stars"}, {"fox", "figure"},
            {"cat", "figure"}, {"owl", "figure"}, {"astronaut", "figure"}, {"violinist", "figure"}, {"deer", "figure"},
            {"wolf", "figure"}, {"bear", "figure"}, {"leopard", "figure"}, {"robot", "figure"}, {"dragon", "figure"},
            {"lighthouse", "figure"}, {"vase", "figure"}, {"cup", "figure"}, {"bowl", "figure"},
    };

    static PictureLook of(String prompt, SplittableRandom random) {
        String text = prompt.toLowerCase(Locale.ROOT);
        List<int[][]> matched = new ArrayList<>();
        for (String[] p : PALETTES) {
            if (text.contains(p[0])) {
                int[][] colors = new int[5][];
                for (int i = 0; i < 5; i++) {
                    colors[i] = rgb(p[i + 1]);
                }
                matched.add(colors);
            }
        }
        int[][] palette;
        if (matched.isEmpty()) {
            palette = randomPalette(random);
        } else {
            palette = matched.get(0);
            if (matched.size() > 1) {
                int[][] second = matched.get(1);
                palette = new int[][] {palette[0], second[1], palette[2], second[3], palette[4]};
            }
        }
        List<String> motifs = new ArrayList<>();
        for (String[] m : MOTIFS) {
            if (text.contains(m[0]) && !motifs.contains(m[1])) {
                motifs.add(m[1]);
            }
        }
        if (motifs.isEmpty()) {
            motifs.add("blobs");
        }
        boolean flat = text.contains("flat") || text.contains("minimalist") || text.contains("pixel")
                || text.contains("low poly");
        boolean textured = text.contains("detailed") || text.contains("intricate") || text.contains("textur")
                || text.contains("oil") || text.contains("mosaic") || text.contains("embroider");
        double texture = flat ? 4 : textured ? 30 : 14;
        double cloudiness = flat ? 0.05 : 0.15 + 0.3 * random.nextDouble();
        return new PictureLook(palette, motifs, cloudiness, texture, !matched.isEmpty());
    }

    private static int[][] randomPalette(SplittableRandom random) {
        float hue = (float) random.nextDouble();
        int[][] p = new int[5][];
        for (int i = 0; i < 5; i++) {
            float h = (hue + 0.08f * i + (i == 4 ? 0.5f : 0f)) % 1f;
            int c = Color.HSBtoRGB(h, 0.35f + 0.5f * (float) random.nextDouble(), 0.3f + 0.7f * (float) random.nextDouble());
            p[i] = new int[] {(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff};
        }
        return p;
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex, 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }


    static void paintPicture(BufferedImage img, PictureLook look, SplittableRandom random) {
        int s = img.getWidth();
        Graphics2D g = img.createGraphics();
        try {
            paintGradient(img, look, random.nextDouble() * Math.PI * 2);
            for (String motif : look.motifs) {
                paintMotif(g, motif, s, look, random);
            }
        } finally {
            g.dispose();
        }
    }

    /** A three-stop linear gradient across the square, through a colour table (Java2D's gradient paint is slower). */
    private static void paintGradient(BufferedImage img, PictureLook look, double angle) {
        int s = img.getWidth();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] table = new int[1024];
        for (int k = 0; k < table.length; k++) {
            double t = k / (table.length - 1.0);
            int[] a = t < 0.55 ? look.palette[0] : look.palette[1];
            int[] b = t < 0.55 ? look.palette[1] : look.palette[2];
            double u = t < 0.55 ? t / 0.55 : (t - 0.55) / 0.45;
            table[k] = (clamp(mix(a[0], b[0], u)) << 16) | (clamp(mix(a[1], b[1], u)) << 8) | clamp(mix(a[2], b[2], u));
        }
        double dx = Math.cos(angle) / s * 0.999;
        double dy = Math.sin(angle) / s * 0.999;
        for (int y = 0; y < s; y++) {
            double t = 0.5 - (s / 2.0) * dx + (y - s / 2.0) * dy;
            for (int x = 0; x < s; x++, t += dx) {
                int k = (int) (t * 1023);
                px[y * s + x] = table[k < 0 ? 0 : k > 1023 ? 1023 : k];
            }
        }
    }

    private static void paintMotif(Graphics2D g, String motif, int s, PictureLook look, SplittableRandom r) {
        switch (motif) {
            case "disc" -> {
                double d = s * (0.18 + 0.2 * r.nextDouble());
                g.setColor(shade(look.palette[4], 1.0, 230));
                g.fill(new Ellipse2D.Double(r.nextDouble() * (s - d), r.nextDouble() * s * 0.5, d, d));
            }
            case "mountains" -> {
                for (int layer = 0; layer < 3; layer++) {
                    Polygon p = new Polygon();
                    double base = s * (0.55 + 0.15 * layer);
                    p.addPoint(0, s);
                    for (int x = 0; x <= s; x += s / 8) {
                        p.addPoint(x, (int) (base - r.nextDouble() * s * 0.25));
                    }
                    p.addPoint(s, s);
                    g.setColor(shade(look.palette[2], 0.9 - 0.25 * layer, 255));
                    g.fill(p);
                }
            }
            case "waves" -> {
                g.setStroke(new BasicStroke(s / 40f));
                for (int k = 0; k < 7; k++) {
                    double y0 = s * (0.45 + 0.08 * k);
                    double amp = s * 0.02 * (1 + r.nextDouble());
                    double phase = r.nextDouble() * 6;
                    Polygon p = new Polygon();
                    for (int x = 0; x <= s; x += 8) {
                        p.addPoint(x, (int) (y0 + amp * Math.sin(x * 12.0 / s + phase)));
                    }
                    p.addPoint(s, s);
                    p.addPoint(0, s);
                    g.setColor(shade(k % 2 == 0 ? look.palette[1] : look.palette[2], 0.7 + 0.05 * k, 200));
                    g.fill(p);
                }
            }
            case "trees" -> {
                for (int k = 0; k < 14; k++) {
                    int x = (int) (r.nextDouble() * s);
                    int h = (int) (s * (0.15 + 0.25 * r.nextDouble()));
                    int base = (int) (s * (0.7 + 0.3 * r.nextDouble()));
                    Polygon p = new Polygon(new int[] {x - h / 4, x, x + h / 4}, new int[] {base, base - h, base}, 3);
                    g.setColor(shade(look.palette[2], 0.4 + 0.4 * r.nextDouble(), 255));
                    g.fill(p);
                }
            }
            case "buildings" -> {
                for (int k = 0; k < 16; k++) {
                    int w = (int) (s * (0.05 + 0.08 * r.nextDouble()));
                    int h = (int) (s * (0.2 + 0.45 * r.nextDouble()));
                    int x = (int) (r.nextDouble() * s);
                    g.setColor(shade(look.palette[k % 2 == 0 ? 2 : 0], 0.35 + 0.4 * r.nextDouble(), 255));
                    g.fillRect(x, s - h, w, h);
                    g.setColor(shade(look.palette[4], 1.0, 255));
                    for (int wy = s - h + 6; wy < s - 6; wy += 14) {
                        if (r.nextInt(3) == 0) {
                            g.fillRect(x + 3, wy, Math.max(2, w / 4), 5);
                        }
                    }
                }
            }
            case "petals" -> {
                for (int k = 0; k < 40; k++) {
                    double d = s * (0.02 + 0.06 * r.nextDouble());
                    g.setColor(shade(look.palette[k % 2 == 0 ? 4 : 3], 0.8 + 0.4 * r.nextDouble(), 210));
                    g.fill(new Ellipse2D.Double(r.nextDouble() * s, r.nextDouble() * s, d, d * 0.7));
                }
            }
            case "stars" -> {
                g.setColor(shade(look.palette[4], 1.2, 255));
                for (int k = 0; k < 120; k++) {
                    double d = 1.5 + 3 * r.nextDouble();
                    g.fill(new Ellipse2D.Double(r.nextDouble() * s, r.nextDouble() * s * 0.7, d, d));
                }
            }
            case "figure" -> {
                double w = s * (0.25 + 0.2 * r.nextDouble());
                double x = s * 0.5 - w / 2 + (r.nextDouble() - 0.5) * s * 0.3;
                double y = s * (0.35 + 0.2 * r.nextDouble());
                g.setColor(shade(look.palette[0], 0.45, 235));
                g.fill(new Ellipse2D.Double(x, y, w, w * 1.3));
                g.setColor(shade(look.palette[4], 0.9, 220));
                g.fill(new Ellipse2D.Double(x + w * 0.25, y - w * 0.35, w * 0.5, w * 0.5));
            }
            default -> {
                for (int k = 0; k < 9; k++) {
                    double d = s * (0.08 + 0.25 * r.nextDouble());
                    g.setColor(shade(look.palette[r.nextInt(5)], 0.6 + 0.6 * r.nextDouble(), 150));
                    g.fill(new Ellipse2D.Double(r.nextDouble() * s - d / 2, r.nextDouble() * s - d / 2, d, d * (0.5 + r.nextDouble())));
                }
            }
        }
    }

    private static Color shade(int[] c, double f, int alpha) {
        return new Color(clamp(c[0] * f), clamp(c[1] * f), clamp(c[2] * f), alpha);
    }

    static double smooth(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }

    private static double mix(double a, double b, double t) {
        return a + (b - a) * t;
    }

    static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
