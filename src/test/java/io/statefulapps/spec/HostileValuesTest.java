package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values the generated inputs found slipping through: unpaired surrogates (sent on as '?'), bytes
 * that are not UTF-8 but that Jackson decodes (overlong forms), and numbers beyond a double in a
 * merge patch (turned into the string "Infinity"). All are 400s.
 */
class HostileValuesTest {

    private static final String APP = "{\"name\":\"web\",\"image\":\"nginx\",\"ports\":[{\"port\":80}],";
    private final SpecParser parser = new SpecParser();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Unpaired surrogates; and "" (or " ") for a number or a boolean, which Jackson reads as "absent"
     * so that the default would be used silently.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"env\":[{\"name\":\"A\",\"value\":\"x\\ud800\"}]}               | env[0].value     | unpaired UTF-16 surrogate",
            "\"podAnnotations\":{\"example.com/a\":\"\\udc00\"}}              | podAnnotations.example.com/a | unpaired UTF-16 surrogate",
            "\"command\":[\"ok\",\"\\ud800\\ud800\"]}                         | command[1]       | unpaired UTF-16 surrogate",
            "\"securityContext\":{\"seLinuxOptions\":{\"user\":\"\\uDBFF\"}}} | securityContext.seLinuxOptions.user | unpaired UTF-16 surrogate",
            "\"replicas\":\"\"}                                               | replicas         | got a string",
            "\"terminationGracePeriodSeconds\":\" \"}                         | terminationGracePeriodSeconds | got a string",
            "\"securityContext\":{\"privileged\":\"\"}}                       | securityContext.privileged | got a string",
            "\"headlessService\":{\"publishNotReadyAddresses\":\"\"}}         | headlessService.publishNotReadyAddresses | got a string",
            "\"readinessProbe\":{\"tcpSocket\":{\"port\":80},\"periodSeconds\":\"\"}} | readinessProbe.periodSeconds | got a string",
    })
    void isMalformedAndNamedFromBytesAndAsATree(String rest, String field, String saying) throws Exception {
        byte[] body = (APP + rest).getBytes(StandardCharsets.UTF_8);
        MalformedSpecException fromBytes = assertThrows(MalformedSpecException.class, () -> parser.parse(body));
        assertEquals(field, fromBytes.field());
        assertTrue(fromBytes.getMessage().contains(saying), fromBytes.getMessage());
        JsonNode tree = json.readTree(body);
        assertEquals(field, assertThrows(MalformedSpecException.class, () -> parser.parse(tree)).field());
    }

    /** Jackson's byte parser refuses such a member name itself; a tree built otherwise may still hold one. */
    @Test
    void anUnpairedSurrogateInAMemberNameOfATreeIsMalformed() throws Exception {
        ObjectNode spec = (ObjectNode) json.readTree(APP + "\"replicas\":1}");
        spec.putObject("labels").put(String.valueOf((char) 0xD800), "v");
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parser.parse(spec));
        assertEquals("labels.\\ud800", escaped(e.field()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"env\":[{\"name\":\"A\",\"value\":\"\\ud83d\\ude00 \\u00e9\"}]}",
            "\"env\":[{\"name\":\"A\",\"value\":\"\uD83D\uDE00\"}]}"})
    void completePairsAndPlainTextPass(String rest) throws Exception {
        byte[] body = (APP + rest).getBytes(StandardCharsets.UTF_8);
        assertEquals("\uD83D\uDE00", parser.parse(body).spec().env().get(0).value().substring(0, 2));
        assertEquals("\uD83D\uDE00", parser.parse(json.readTree(body)).spec().env().get(0).value().substring(0, 2));
    }

    @ParameterizedTest
    @CsvSource({"C0,80", "E0,80,AF", "F0,82,82,AC", "ED,A0,80"})
    void bytesThatAreNotUtf8AreMalformedEvenWhereJacksonDecodesThem(String hex) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((APP + "\"env\":[{\"name\":\"A\",\"value\":\"a").getBytes(StandardCharsets.UTF_8));
        for (String b : hex.split(",")) {
            body.write(Integer.parseInt(b, 16));
        }
        body.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parser.parse(body.toByteArray()));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void utf8TextPasses() {
        Utf8Text.require("{\"a\":\"\u00e9\u540d\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"labels\":{\"k\":1e400}}    | labels.k",
            "{\"replicas\":-1e400}         | replicas",
            "{\"command\":[\"a\",1e999]}   | command[1]",
    })
    void aNumberBeyondADoubleInAPatchIsMalformed(String patch, String field) throws Exception {
        JsonNode target = json.readTree(APP + "\"replicas\":1}");
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> MergePatch.apply(target, json.readTree(patch)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    /** Lone surrogates do not survive test reports: compare them escaped. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}
