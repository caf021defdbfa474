package org.qartalign.dataset;

import java.util.List;

/** A manifest that cannot be imported; each problem reads {@code FILE:LINE: what is wrong}. Nothing was written. */
public final class ImportException extends IllegalArgumentException {
    private final transient List<String> problems;

    public ImportException(List<String> problems, int total) {
        this(problems, total, "this file");
    }

    /** @param source what nothing was imported from ("this file", "this folder") */
    public ImportException(List<String> problems, int total, String source) {
        super(String.join(System.lineSeparator(), problems)
                + (total > problems.size() ? System.lineSeparator() + "... and " + (total - problems.size())
                + " more problems" : "")
                + System.lineSeparator() + "nothing was imported from " + source);
        this.problems = List.copyOf(problems);
    }

    /** The first reported problems, one per bad line or field. */
    public List<String> problems() {
        return problems;
    }
}
