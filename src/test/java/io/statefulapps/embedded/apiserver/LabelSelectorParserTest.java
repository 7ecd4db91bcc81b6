package io.statefulapps.embedded.apiserver;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apimachinery's labels.Parse: what it refuses, with its words, and what it takes. */
class LabelSelectorParserTest {

    private static String refusal(String selector) {
        ApiException e = assertThrows(ApiException.class, () -> LabelSelector.parse(selector), selector);
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        return e.getMessage();
    }

    @Test
    void malformedSelectorsAreRefusedAsApimachineryWordsIt() {
        assertEquals("unable to parse requirement: found '', expected: ',' or ')'", refusal("app in (db"));
        assertEquals("found '', expected: identifier after ','", refusal("app=db,"));
        assertEquals("found '=', expected: identifier after ','", refusal("app=db,=x"));
        assertEquals("unable to parse requirement: found 'Key', expected: in, notin, =, ==, !=, gt, lt",
                refusal("Bad Key=1"));
        assertEquals("found '=', expected: !, identifier, or 'end of string'", refusal("=x"));
        assertEquals("unable to parse requirement: found 'db' expected: '('", refusal("app in db"));
        assertEquals("found 'x', expected: ',' or 'end of string'", refusal("!app x"));
        assertTrue(refusal("app_=1").startsWith("unable to parse requirement: <nil>: Invalid value: \"app_\": name part"),
                refusal("app_=1"));
        assertTrue(refusal("app=a/b").startsWith("unable to parse requirement: values[0][app]: Invalid value: \"a/b\""),
                refusal("app=a/b"));
        assertTrue(refusal("n>x").contains("for 'Gt', 'Lt' operators, the value must be an integer"), refusal("n>x"));
    }

    @Test
    void anEmptyValueSetAndAnEmptyValueMeanTheEmptyValue() {
        // labels.Parse reads "()" as the set of the empty string, not as an error
        LabelSelector inNothing = LabelSelector.parse("app in ()");
        assertTrue(inNothing.matches(Map.of("app", "")));
        assertFalse(inNothing.matches(Map.of("app", "db")));
        assertTrue(LabelSelector.parse("app=").matches(Map.of("app", "")));
        assertTrue(LabelSelector.parse("x in (foo,,baz),y,z notin ()").matches(Map.of("x", "", "y", "1")));
    }

    @Test
    void everyOperatorMatchesAsTheRealOne() {
        Map<String, String> labels = Map.of("app", "db", "n", "5");
        assertTrue(LabelSelector.parse(" app == db , n>4,n<6,!gone,app notin (web, in)").matches(labels));
        assertTrue(LabelSelector.parse("app in (in,notin,db)").matches(labels));
        assertFalse(LabelSelector.parse("n>5").matches(labels));
        assertFalse(LabelSelector.parse("app!=db").matches(labels));
        assertFalse(LabelSelector.parse("app>1").matches(labels));
        assertTrue(LabelSelector.parse("").isEmpty());
    }
}
