package io.statefulapps.embedded.apiserver.protobuf;

import io.kubernetes.client.proto.Meta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Durations as Go's time.Duration.String() writes them (the values are Go's own outputs). */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1000, 1µs",
        "1100, 1.1µs",
        "1000000, 1ms",
        "2200000, 2.2ms",
        "1500000000, 1.5s",
        "304000000000, 5m4s",
        "3600000000000, 1h0m0s",
        "5400500000000, 1h30m0.5s",
        "4530918273645, 1h15m30.918273645s",
        "-1500000000, -1.5s",
        "-1, -1ns",
        "9223372036854775807, 2562047h47m16.854775807s",
        "-9223372036854775808, -2562047h47m16.854775808s",
    })
    void formatsAsGo(long nanos, String expected) {
        assertEquals(expected, GoDuration.format(nanos));
    }

    @Test
    void aMetaDurationIsItsTextInJson() {
        MessageJson json = new MessageJson(FieldFacts.byMessage(), new CustomJsonTypes(nested -> {
            throw new AssertionError("no nested object here");
        }));
        assertEquals("1h30m0s", json.value(Meta.Duration.newBuilder().setDuration(5_400_000_000_000L).build()).textValue());
        assertEquals("0s", json.value(Meta.Duration.getDefaultInstance()).textValue());
    }
}
