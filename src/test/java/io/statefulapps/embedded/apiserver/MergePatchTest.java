package io.statefulapps.embedded.apiserver;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 7386's own examples (its Appendix A) against the merge patch done on the Jackson tree. */
class MergePatchTest {

    private static void check(String original, String patch, String expected) {
        assertEquals(JsonText.parse(expected),
                Patches.mergePatch(JsonText.parseObject(original), JsonText.parse(patch)), original + " + " + patch);
    }

    @Test
    void theRfcExamplesOnObjects() {
        check("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        check("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        check("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        check("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        check("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        check("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        check("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
        // a list in the patch is taken as it is, nulls inside it too
        check("{\"a\":{\"b\":1}}", "{\"a\":[null,{\"c\":null}]}", "{\"a\":[null,{\"c\":null}]}");
    }

    @Test
    void aPatchThatIsNotAnObjectCannotReplaceAStoredObject() {
        for (String patch : new String[] {"[\"c\"]", "null", "\"bar\""}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> Patches.mergePatch(JsonText.parseObject("{\"a\":\"foo\"}"), JsonText.parse(patch)));
            assertEquals(400, refused.code(), patch);
        }
    }

    @Test
    void theResultKeepsTheTargetsKeyOrderAndAppendsNewKeys() {
        String merged = JsonText.write(Patches.mergePatch(JsonText.parseObject("{\"x\":1,\"y\":2,\"z\":3}"),
                JsonText.parse("{\"w\":0,\"y\":5}")));
        assertEquals("{\"x\":1,\"y\":5,\"z\":3,\"w\":0}", merged);
    }
}
