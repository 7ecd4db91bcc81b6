package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameObjectTest {

    @Test
    void fieldOrderNumberTypesAndNullFieldsMakeNoDifference() {
        ObjectNode stored = JsonText.parseObject("{\"a\":1,\"b\":{\"c\":[1,\"x\"]}}");
        ObjectNode written = JsonText.parseObject("{\"b\":{\"c\":[1,\"x\"],\"d\":null},\"a\":1}");
        ObjectNode longs = JsonText.object().put("a", 1L);
        longs.set("b", stored.get("b"));

        assertTrue(SameObject.same(stored, written));
        assertTrue(SameObject.same(stored, longs));
    }

    @Test
    void anyValueOrListOrderIsAChange() {
        ObjectNode stored = JsonText.parseObject("{\"a\":1,\"b\":[1,2]}");

        assertFalse(SameObject.same(stored, JsonText.parseObject("{\"a\":2,\"b\":[1,2]}")));
        assertFalse(SameObject.same(stored, JsonText.parseObject("{\"a\":1,\"b\":[2,1]}")));
        assertFalse(SameObject.same(stored, JsonText.parseObject("{\"a\":\"1\",\"b\":[1,2]}")));
        assertFalse(SameObject.same(stored, JsonText.parseObject("{\"a\":1}")));
    }
}
