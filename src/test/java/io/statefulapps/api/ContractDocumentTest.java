package io.statefulapps.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContractDocumentTest {

    @Test
    void quotedTimestampsStayStringsInJson() throws Exception {
        byte[] yaml = "example: '2026-12-01T10:00:00Z'\ncount: 3\n".getBytes(StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(new ContractDocument(yaml).toJson());
        assertEquals("2026-12-01T10:00:00Z", json.get("example").textValue());
        assertEquals(3, json.get("count").intValue());
    }

    @Test
    void yamlIsServedAsWritten() {
        byte[] yaml = "# a comment kept\nkey:   'value'\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(yaml, new ContractDocument(yaml).yaml());
    }

    @Test
    void brokenYamlSaysSo() {
        ContractDocument broken = new ContractDocument("key: [unclosed\n".getBytes(StandardCharsets.UTF_8));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, broken::toJson);
        assertEquals("The committed contract is not valid YAML", e.getMessage());
    }
}
