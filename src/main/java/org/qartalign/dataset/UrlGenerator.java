package org.qartalign.dataset;

import java.util.List;
import java.util.SplittableRandom;

/**
 * URLs like the ones QR art is made for: short links, landing pages, shop items and tracked campaign links, so
 * payload lengths (and QR versions) vary as they do in practice.
 */
public final class UrlGenerator {
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final List<String> SHORT_HOSTS = List.of("bit.ly", "t.co", "qrco.de", "tinyurl.com", "goo.su", "rb.gy");
    private static final List<String> BRANDS = List.of("bluebirdcoffee", "northwind", "lumenart", "papercrane",
            "harborbooks", "koicollective", "fieldnotes", "museumofmaps", "tidalrecords", "mapleandmoss", "orbitbikes",
            "saltandstone", "ferngallery", "citylightsfest", "brightbakery");
    private static final List<String> TLDS = List.of(".com", ".io", ".org", ".co", ".shop", ".art", ".de", ".jp", ".fr");
    private static final List<String> WORDS = List.of("menu", "events", "spring-sale", "tickets", "about", "shop",
            "collections", "new-arrivals", "gallery", "blog", "summer-2025", "workshop", "app", "download", "map",
            "tour", "catalog", "limited-edition", "contact", "reserve");
    private static final List<String> SOURCES = List.of("poster", "flyer", "menu", "packaging", "billboard", "tshirt");
    private static final List<String> MEDIA = List.of("qr", "print", "offline", "outdoor");

    private UrlGenerator() {
    }

    public static String url(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 25) {
            return "https://" + PromptGenerator.pick(random, SHORT_HOSTS) + "/" + token(random, random.nextInt(5, 9));
        }
        String host = (random.nextBoolean() ? "www." : "") + PromptGenerator.pick(random, BRANDS)
                + PromptGenerator.pick(random, TLDS);
        StringBuilder sb = new StringBuilder("https://").append(host);
        int segments = kind < 50 ? random.nextInt(0, 2) : random.nextInt(1, 4);
        for (int i = 0; i < segments; i++) {
            sb.append('/').append(PromptGenerator.pick(random, WORDS));
        }
        if (kind >= 50 && kind < 70) {
            sb.append('/').append(token(random, random.nextInt(6, 13)));
        }
        if (kind >= 70) {
            sb.append("?utm_source=").append(PromptGenerator.pick(random, SOURCES))
                    .append("&utm_medium=").append(PromptGenerator.pick(random, MEDIA))
                    .append("&utm_campaign=").append(PromptGenerator.pick(random, WORDS)).append('-')
                    .append(random.nextInt(2023, 2027));
            if (kind >= 88) {
                sb.append("&ref=").append(token(random, random.nextInt(8, 25)))
                        .append("&lang=").append(random.nextBoolean() ? "en" : "ja");
            }
        } else if (segments == 0 && kind >= 25) {
            sb.append('/');
        }
        return sb.toString();
    }

    private static String token(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(random.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }
}
