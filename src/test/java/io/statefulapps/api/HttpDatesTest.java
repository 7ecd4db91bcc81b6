package io.statefulapps.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void theExampleOfRfc9110IsWrittenAsThere() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(Instant.parse("1994-11-06T08:49:37Z")));
    }

    @Test
    void secondsAreCutNotRounded() {
        assertEquals("Thu, 31 Dec 2026 23:59:59 GMT", HttpDates.format(Instant.parse("2026-12-31T23:59:59.999Z")));
    }

    @Test
    void smallYearsKeepFourDigits() {
        assertEquals("Mon, 01 Jan 0001 00:00:00 GMT", HttpDates.format(Instant.parse("0001-01-01T00:00:00Z")));
        assertEquals("Thu, 01 Jan 0099 00:00:00 GMT", HttpDates.format(Instant.parse("0099-01-01T00:00:00Z")));
    }

    @Test
    void everyDateAgreesWithTheFormatterOfThePattern() {
        SplittableRandom random = new SplittableRandom(12);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            assertEquals(IMF_FIXDATE.format(instant), HttpDates.format(instant), instant::toString);
        }
    }
}
