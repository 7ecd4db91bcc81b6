package io.statefulapps.health;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Kubernetes timestamps: RFC 3339 strings in, {@link Instant}s out, absent or unreadable as {@code null}. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The later of the two; {@code null} counts as "not known". */
    static Instant newest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The earlier of the two; {@code null} counts as "not known". */
    static Instant oldest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
