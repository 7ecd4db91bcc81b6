package io.statefulapps.embedded.apiserver.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT bodies read strictly: every rule of the issue is accepted, every broken field is named. */
class FaultRulesParserTest {

    private static List<String> problems(String body) {
        return assertThrows(InvalidFaultRules.class, () -> FaultRulesParser.parse(body)).problems();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"verb\":\"create\",\"resource\":\"services\",\"nth\":2,\"status\":500}",
        "{\"verb\":\"create\",\"resource\":\"services\",\"status\":409}",
        "{\"verb\":\"create\",\"resource\":\"services\",\"status\":409,\"reason\":\"AlreadyExists\"}",
        "{\"verb\":\"patch\",\"resource\":\"statefulsets\",\"status\":422}",
        "{\"resource\":\"statefulsets\",\"status\":429,\"retryAfterSeconds\":3}",
        "{\"status\":503,\"retryAfterSeconds\":0}",
        "{\"status\":503}",
        "{\"resource\":\"statefulsets\",\"delayMs\":3000}",
        "{\"resource\":\"statefulsets\",\"delayMs\":3000,\"status\":500}",
        "{\"dropWatches\":true}",
        "{\"dropWatches\":true,\"resource\":\"pods\",\"namespace\":\"shop\",\"verb\":\"watch\"}",
        "{\"refuseConnections\":true,\"forMs\":5000}",
        "{\"watchGone\":true}",
        "{\"watchGone\":true,\"resource\":\"pods\",\"times\":3}",
        "{\"verb\":\"get\",\"resource\":\"pods\",\"subresource\":\"log\",\"namespace\":\"shop\",\"name\":\"web-0\","
                + "\"user\":\"bob\",\"status\":500,\"nth\":1,\"times\":2}",
    })
    void acceptsEveryKindOfRuleAndShowsItAsGiven(String rule) throws Exception {
        List<FaultRule> rules = FaultRulesParser.parse("[" + rule + "]");
        assertEquals(1, rules.size());
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(rule), mapper.readTree(rules.get(0).toJson().toString()));
    }

    @Test
    void readsTheFieldsIntoTheRule() {
        FaultRule rule = FaultRulesParser.parse("[{\"verb\":\"create\",\"resource\":\"services\",\"nth\":2,"
                + "\"status\":500}]").get(0);
        assertEquals(new FaultRule(new FaultScope(Optional.of("create"), Optional.of("services"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), OptionalInt.of(500), Optional.empty(),
                OptionalInt.empty(), OptionalLong.empty(), false, false, OptionalLong.empty(), false,
                OptionalLong.of(2), OptionalLong.empty()), rule);
        assertEquals(2, rule.firstFiring());
        assertEquals(1, rule.maxFirings(), "nth alone: that request only");
    }

    @Test
    void anEmptyListIsNoRules() {
        assertEquals(List.of(), FaultRulesParser.parse("[]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\":404}                              | [0].status: 404 is not a status a fault answers; use 409, 422, 429, 500 or 503",
        "{\"status\":\"500\"}                          | [0].status: must be a whole number (got \"500\")",
        "{\"status\":500.5}                            | [0].status: must be a whole number (got 500.5)",
        "{\"verb\":\"post\",\"status\":500}            | [0].verb: \"post\" is not a verb; use one of create, delete, deletecollection, get, list, patch, update, watch",
        "{\"verb\":\"\",\"status\":500}                | [0].verb: must be a non-empty string (got \"\")",
        "{\"resource\":7,\"status\":500}               | [0].resource: must be a non-empty string (got 7)",
        "{\"status\":500,\"colour\":\"red\"}           | [0].colour: unknown field; a rule has verb, resource, subresource, namespace, name, user, reason, status, retryAfterSeconds, delayMs, forMs, nth, times, dropWatches, refuseConnections, watchGone",
        "{\"status\":500,\"fired\":3}                  | [0].fired: shown by GET, not accepted by PUT",
        "{\"resource\":\"pods\"}                       | [0]: no effect; give status, delayMs, dropWatches, refuseConnections or watchGone",
        "{\"dropWatches\":\"yes\"}                     | [0].dropWatches: must be true or false (got \"yes\")",
        "{\"dropWatches\":false}                       | [0]: no effect; give status, delayMs, dropWatches, refuseConnections or watchGone",
        "{\"status\":500,\"watchGone\":true}           | [0]: status and watchGone cannot go together; one effect per rule (status may come with delayMs)",
        "{\"status\":500,\"nth\":0}                    | [0].nth: must be at least 1 (got 0)",
        "{\"status\":500,\"times\":-1}                 | [0].times: must be at least 1 (got -1)",
        "{\"delayMs\":0}                               | [0].delayMs: must be between 1 and 600000 (got 0)",
        "{\"delayMs\":600001}                          | [0].delayMs: must be between 1 and 600000 (got 600001)",
        "{\"status\":500,\"reason\":\"Conflict\"}      | [0].reason: only with status 409",
        "{\"status\":409,\"reason\":\"Gone\"}          | [0].reason: \"Gone\" is not a 409 reason; use Conflict or AlreadyExists",
        "{\"status\":500,\"retryAfterSeconds\":2}      | [0].retryAfterSeconds: only with status 429 or 503",
        "{\"status\":429,\"retryAfterSeconds\":3601}   | [0].retryAfterSeconds: must be between 0 and 3600 (got 3601)",
        "{\"refuseConnections\":true}                  | [0].forMs: required with refuseConnections (how long, in milliseconds)",
        "{\"status\":500,\"forMs\":10}                 | [0].forMs: only with refuseConnections",
        "{\"refuseConnections\":true,\"forMs\":9,\"user\":\"bob\"} | [0].user: not allowed here: refuseConnections refuses every connection",
        "{\"refuseConnections\":true,\"forMs\":9,\"times\":2} | [0].times: not allowed here: the effect happens once, when the rules are installed",
        "{\"dropWatches\":true,\"nth\":2}              | [0].nth: not allowed here: the effect happens once, when the rules are installed",
        "{\"watchGone\":true,\"verb\":\"list\"}        | [0].verb: dropWatches and watchGone are about watches; leave verb out or use watch",
        "5                                             | [0]: a rule must be a JSON object (got 5)",
    })
    void namesEachBrokenField(String rule, String problem) {
        assertEquals(List.of(problem), problems("[" + rule + "]"));
    }

    @Test
    void listsEveryProblemOfEveryRuleAtOnce() {
        InvalidFaultRules e = assertThrows(InvalidFaultRules.class, () -> FaultRulesParser.parse(
                "[{\"status\":500},{\"status\":404,\"nth\":0},{\"verb\":\"x\"}]"));
        assertEquals(List.of(
                "[1].status: 404 is not a status a fault answers; use 409, 422, 429, 500 or 503",
                "[1].nth: must be at least 1 (got 0)",
                "[2]: no effect; give status, delayMs, dropWatches, refuseConnections or watchGone",
                "[2].verb: \"x\" is not a verb; use one of create, delete, deletecollection, get, list, patch, update,"
                        + " watch"), e.problems());
        assertEquals("invalid fault rules, nothing changed:\n" + String.join("\n", e.problems()) + "\n", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\":500}  | the body must be a JSON array of rules",
        "''                | the body must be a JSON array of rules",
        "[{\"status\":500  | the body is not valid JSON: ",
        "[{\"status\":500,\"status\":503}] | the body is not valid JSON: Duplicate field 'status'",
    })
    void refusesABodyThatIsNotAListOfRules(String body, String start) {
        List<String> problems = problems(body);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(start), problems.get(0));
    }

    @Test
    void refusesTooManyRules() {
        String many = "[" + String.join(",", Collections.nCopies(101, "{\"status\":500}")) + "]";
        assertEquals(List.of("at most 100 rules (got 101)"), problems(many));
    }
}
