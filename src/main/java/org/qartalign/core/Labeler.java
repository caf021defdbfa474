package org.qartalign.core;

/** A person (or a simulated labeler, flagged as such) who labels codes. */
public record Labeler(long id, String name, boolean simulated) {
}
