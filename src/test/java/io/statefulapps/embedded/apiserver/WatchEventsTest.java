package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WatchEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] POD = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\",\"labels\":{\"a\":\"ü\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(WatchEventType.class)
    void anEventIsTheTypeAndTheStoredBytesAsTheyAre(WatchEventType type) throws Exception {
        byte[] event = WatchEvents.event(type, POD);

        assertEquals("{\"type\":\"" + type + "\",\"object\":" + new String(POD, StandardCharsets.UTF_8) + "}",
                new String(event, StandardCharsets.UTF_8));
        JsonNode parsed = MAPPER.readTree(event);
        assertEquals(type.name(), parsed.get("type").asText());
        assertEquals("ü", parsed.at("/object/metadata/labels/a").asText());
    }

    @ParameterizedTest
    @EnumSource(WatchEventType.class)
    void everyEventIsItsOwnArray(WatchEventType type) {
        byte[] first = WatchEvents.event(type, POD);
        first[2] = 'X';
        byte[] second = WatchEvents.event(type, new byte[] {'{', '}'});

        assertNotSame(first, second);
        assertEquals("{\"type\":\"" + type + "\",\"object\":{}}", new String(second, StandardCharsets.UTF_8));
    }
}
