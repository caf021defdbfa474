package org.qartalign.core;

/** A generated code together with the prompt-URL pair it was generated for. */
public record CodeWithPair(GeneratedCode code, PromptUrlPair pair) {
    public String id() {
        return code.id();
    }

    public String url() {
        return pair.url();
    }
}
