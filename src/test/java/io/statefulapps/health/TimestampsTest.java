package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps read quickly in the API server's form read as {@link Instant#parse} reads them. */
class TimestampsTest {

    @Test
    void readsWhatInstantParseReads() {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            String text = random.nextBoolean() ? instant.toString()
                    : instant.toString().replaceFirst("\\.\\d+Z$", "Z");
            assertEquals(Instant.parse(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void writesWhatIsoInstantWrites() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            // every precision: whole seconds, millis, micros (the clock's), nanos; years 0000 to 9999 and past
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L - 86_400L * 800,
                    253_402_300_800L + 86_400L * 800), nanos);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), Timestamps.format(instant), instant::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2026-12-02T14:21:18.100Z", "2026-12-02T14:21:18.000100Z", "2026-12-02T14:21:18.000000100Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void writesTheEdgesAsIsoInstantDoes(String text) {
        Instant instant = Instant.parse(text);

        assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), Timestamps.format(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05.123456789Z",
        "2024-02-29T23:59:59Z", "2026-12-02T14:21:18.158192129Z", "2026-01-02T03:04:05+01:00",
        "2026-01-02T03:04:60Z", "2026-02-30T03:04:05Z", "2026-13-02T03:04:05Z", "2026-01-02T24:00:00Z",
        "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05.1234567890Z", "2026-01-02 03:04:05Z", "2026-01-0xT03:04:05Z",
        "2026-01-02T03:04:05", "yesterday", "+12026-01-02T03:04:05Z"})
    void readsEveryFormAsInstantParseDoesOrNotAtAll(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertEquals(expected, Timestamps.parse(text));
    }

    @Test
    void absentIsNull() {
        assertNull(Timestamps.parse(null));
        assertNull(Timestamps.parse(" "));
    }
}
