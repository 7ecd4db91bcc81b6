package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
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
