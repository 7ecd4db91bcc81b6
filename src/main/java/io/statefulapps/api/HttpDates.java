package io.statefulapps.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Dates in HTTP headers (RFC 9110 IMF-fixdate), e.g. {@code Last-Modified}. */
final class HttpDates {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HttpDates() {
    }

    /**
     * Written out field by field: every health GET carries one, and a {@code DateTimeFormatter}
     * (its print context, zone adjustment and pattern walk) was 5 % of a GET's time in JFR; the
     * framework's own {@code Date} header is a new SimpleDateFormat per answer.
     */
    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29)
                .append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        if (year < 1000) {
            // IMF-fixdate's year is four digits; a report's date is never before 1000, but the format holds
            out.append("000", 0, 4 - String.valueOf(year).length());
        }
        out.append(year).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        return twoDigits(out, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
