package io.statefulapps.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in HTTP headers (RFC 9110 IMF-fixdate), e.g. {@code Last-Modified}. */
final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /**
     * Formatted here rather than by the framework: a {@code Date} header is formatted by a new
     * SimpleDateFormat per answer (seen in JFR).
     */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
