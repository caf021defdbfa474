package org.qartalign.store;

import java.time.Instant;

final class Times {
    private Times() {
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    static Instant parse(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
