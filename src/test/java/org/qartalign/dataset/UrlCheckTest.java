package org.qartalign.dataset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one URL check that both the JSONL import and import-folders apply to what a code should open. */
class UrlCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/x", "HTTP://EXAMPLE.ORG", "http://host:8080/a?b=c#d",
            "https://example.org/?q=<b>bold</b>&x=\"y\"|z", "https://t.co", "mailto:ana@example.org",
            "WIFI:S:lab;T:WPA;P:secret;;", "tel:+15551234"})
    void acceptsWhatAPhoneOpens(String url) {
        assertNull(FolderImport.notAUrl(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "u", "example.com/x", "https:///x", "http://", "https:example.org",
            "@SUM(A1)", "=HYPERLINK(1)", "https://a b", "https://a\tb", "https://x\u007f", "", "1https://x"})
    void refusesWhatIsNotAUrl(String text) {
        assertNotNull(FolderImport.notAUrl(text), text);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongUrls() {
        assertNotNull(FolderImport.notAUrl("https://example.org/" + "a".repeat(FolderImport.MAX_URL)));
    }
}
