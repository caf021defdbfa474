package org.qartalign.core;

import java.util.Objects;

/** A request the generator served: a text-to-image prompt and the URL the code must open. */
public record PromptUrlPair(long id, String prompt, String url) {
    public PromptUrlPair {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(url, "url");
    }
}
