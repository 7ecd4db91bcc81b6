package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    /** The examples of RFC 7386, appendix A, plus the cases the PATCH endpoint relies on. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "{'a':'b'}                 | {'a':'c'}               | {'a':'c'}",
            "{'a':'b'}                 | {'b':'c'}               | {'a':'b','b':'c'}",
            "{'a':'b'}                 | {'a':null}              | {}",
            "{'a':'b','b':'c'}         | {'a':null}              | {'b':'c'}",
            "{'a':['b']}               | {'a':'c'}               | {'a':'c'}",
            "{'a':'c'}                 | {'a':['b']}             | {'a':['b']}",
            "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}         | {'a':[1]}               | {'a':[1]}",
            "['a','b']                 | ['c','d']               | ['c','d']",
            "{'a':'b'}                 | ['c']                   | ['c']",
            "{'e':null}                | {'a':1}                 | {'e':null,'a':1}",
            "[1,2]                     | {'a':'b','c':null}      | {'a':'b'}",
            "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
            "{'env':[{'name':'A'},{'name':'B'}]} | {'env':[{'name':'B'}]} | {'env':[{'name':'B'}]}",
            "{'service':{'type':'LoadBalancer','annotations':{'x':'1','y':'2'}}} | {'service':{'annotations':{'x':null}}} | {'service':{'type':'LoadBalancer','annotations':{'y':'2'}}}",
    })
    void appliesAsRfc7386Says(String target, String patch, String expected) throws Exception {
        assertEquals(tree(expected), MergePatch.apply(tree(target), tree(patch)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{'a':{'b':1}} | {'a':{'b':null}}"})
    void neitherInputIsChanged(String target, String patch) throws Exception {
        JsonNode t = tree(target);
        JsonNode p = tree(patch);
        MergePatch.apply(t, p);
        assertEquals(tree(target), t);
        assertEquals(tree(patch), p);
    }
}
