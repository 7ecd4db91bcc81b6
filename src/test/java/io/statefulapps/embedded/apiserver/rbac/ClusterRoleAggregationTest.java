package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The aggregation controller's rules: selected roles by name, each rule once, the role itself skipped. */
class ClusterRoleAggregationTest {

    private static JsonNode role(String name, String labels, String verb) {
        return json("{metadata:{name:'" + name + "',labels:" + labels + "},rules:[{apiGroups:[''],resources:['pods'],"
                + "verbs:['" + verb + "']}]}");
    }

    @Test
    void gathersTheRulesOfSelectedRolesInNameOrderOnce() {
        JsonNode monitor = json("{metadata:{name:'monitor',labels:{agg:'yes'}},aggregationRule:{clusterRoleSelectors:"
                + "[{matchLabels:{agg:'yes'}}]},rules:[{verbs:['stale']}]}");
        List<JsonNode> all = List.of(monitor, role("zeta", "{agg:'yes'}", "get"), role("alpha", "{agg:'yes'}", "list"),
                role("beta", "{agg:'yes'}", "get"), role("other", "{agg:'no'}", "delete"));
        assertTrue(ClusterRoleAggregation.aggregated(monitor));
        assertFalse(ClusterRoleAggregation.aggregated(all.get(1)));
        assertEquals("[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"list\"]},"
                + "{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\"]}]",
                ClusterRoleAggregation.rules(monitor, all).toString());
    }

    @ParameterizedTest(name = "{0} selects {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{matchLabels:{a:'1'}}                                         | {a:'1',b:'2'} | true",
        "{matchLabels:{a:'1'}}                                         | {a:'2'}       | false",
        "{matchLabels:{a:''}}                                          | {}            | false",
        "{matchExpressions:[{key:'a',operator:'In',values:['1','2']}]} | {a:'2'}       | true",
        "{matchExpressions:[{key:'a',operator:'In',values:['1']}]}     | {}            | false",
        "{matchExpressions:[{key:'a',operator:'NotIn',values:['1']}]}  | {}            | true",
        "{matchExpressions:[{key:'a',operator:'NotIn',values:['1']}]}  | {a:'1'}       | false",
        "{matchExpressions:[{key:'a',operator:'Exists'}]}              | {a:''}        | true",
        "{matchExpressions:[{key:'a',operator:'DoesNotExist'}]}        | {a:''}        | false",
        "{matchExpressions:[{key:'a',operator:'Sometimes'}]}           | {a:''}        | false",
        "{}                                                            | {x:'y'}       | true",
    })
    void selectorsSelectLikeKubernetesLabelSelectors(String selector, String labels, boolean selected) {
        assertEquals(selected, ClusterRoleAggregation.selects(json(selector), json(labels)));
    }
}
