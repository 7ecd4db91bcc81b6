package io.statefulapps.health;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Kubernetes timestamps: RFC 3339 strings in, {@link Instant}s out, absent or unreadable as
 * {@code null}. Also what reads the instants of a stored report back, and writes them
 * ({@code cluster.ReportWriter}).
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant quick = quickParse(value);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form the API server writes, {@code 2026-01-02T03:04:05Z} (optionally with a fraction of a
     * second), read without a {@code DateTimeFormatter}: a report reads dozens of timestamps, and
     * the formatter's general parser was a tenth of the cost of computing one. Anything else (other
     * offsets, leap seconds, malformed text) is left to {@link Instant#parse}: null here.
     */
    private static Instant quickParse(String v) {
        int length = v.length();
        if (length < 20 || v.charAt(length - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-'
                || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (v.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(v, 20, length - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The instant as {@link DateTimeFormatter#ISO_INSTANT} writes it ({@code 2026-01-02T03:04:05Z},
     * the fraction in groups of three digits, as many as it needs), written without the formatter:
     * every report carries two or more, and at startup, 10,000 reports in a row, the formatter's
     * general printer was the costliest method the JIT compiled for them (0.26 s of the C2
     * compiler's time). Years outside 0000 to 9999 are left to the formatter.
     */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        StringBuilder text = new StringBuilder(30);
        padded(text, year, 4).append('-');
        padded(text, utc.getMonthValue(), 2).append('-');
        padded(text, utc.getDayOfMonth(), 2).append('T');
        padded(text, utc.getHour(), 2).append(':');
        padded(text, utc.getMinute(), 2).append(':');
        padded(text, utc.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                padded(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                padded(text, nanos / 1_000, 6);
            } else {
                padded(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder padded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** The decimal number in {@code v[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
