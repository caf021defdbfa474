package org.qartalign.core;

import java.time.Instant;

/** One sitting of one labeler with one phone, scanner app and display size. */
public record LabelingSession(long id, long labelerId, String phoneModel, String scannerApp,
                              double displayMm, String appVersion, Instant startedAt) {
}
