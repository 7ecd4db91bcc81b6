package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statefulapps.embedded.apiserver.ObjectSelector;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster role aggregation controller's computation: the rules of a ClusterRole with an
 * {@code aggregationRule} are those of every other ClusterRole its selectors match (by name order,
 * selector by selector), each rule once. The server may call it whenever a ClusterRole changes and
 * store the result, as the controller would.
 */
public final class ClusterRoleAggregation {

    private ClusterRoleAggregation() {
    }

    public static boolean aggregated(JsonNode clusterRole) {
        return clusterRole.path("aggregationRule").isObject();
    }

    /** The rules {@code clusterRole} gathers from {@code all} the ClusterRoles (it may be among them). */
    public static ArrayNode rules(JsonNode clusterRole, List<JsonNode> all) {
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        Set<JsonNode> seen = new HashSet<>();
        String self = name(clusterRole);
        List<JsonNode> byName = all.stream().sorted(Comparator.comparing(ClusterRoleAggregation::name)).toList();
        for (JsonNode selector : clusterRole.path("aggregationRule").path("clusterRoleSelectors")) {
            for (JsonNode candidate : byName) {
                if (name(candidate).equals(self) || !selects(selector, candidate.path("metadata").path("labels"))) {
                    continue;
                }
                for (JsonNode rule : candidate.path("rules")) {
                    if (seen.add(rule)) {
                        rules.add(rule.deepCopy());
                    }
                }
            }
        }
        return rules;
    }

    /**
     * A label selector: {@code matchLabels} and {@code matchExpressions} (In, NotIn, Exists,
     * DoesNotExist); an empty one selects every role, as in Kubernetes.
     */
    static boolean selects(JsonNode selector, JsonNode labels) {
        return ObjectSelector.selects(selector, labels);
    }

    private static String name(JsonNode role) {
        return role.path("metadata").path("name").asText();
    }
}
