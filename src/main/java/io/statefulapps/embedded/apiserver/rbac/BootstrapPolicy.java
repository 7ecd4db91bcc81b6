package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default ClusterRoles and ClusterRoleBindings a new cluster has, for the server to store at
 * start: {@code cluster-admin} (everything, bound to group {@code system:masters}); {@code admin},
 * {@code edit} and {@code view} with their {@code aggregationRule} and the rules of the
 * {@code system:aggregate-to-*} roles already gathered; {@code system:basic-user} (self reviews)
 * and {@code system:discovery} (discovery, version, health), bound to every authenticated user;
 * {@code system:public-info-viewer} (version and health), bound to everyone;
 * {@code system:auth-delegator} (token and access reviews, bound to nobody) and
 * {@code system:monitoring}. Objects carry the real labels and annotations; rules are limited as
 * {@link BootstrapRules} says.
 */
public final class BootstrapPolicy {

    private static final String GROUP = "rbac.authorization.k8s.io";
    private static final String AGGREGATE_TO = GROUP + "/aggregate-to-";

    private BootstrapPolicy() {
    }

    /** ClusterRoles, each a complete object ({@code apiVersion}, {@code kind}, {@code metadata}, ...). */
    public static List<ObjectNode> clusterRoles() {
        List<ObjectNode> roles = new ArrayList<>(List.of(
                role("cluster-admin", Map.of(), BootstrapRules.clusterAdmin()),
                role("system:discovery", Map.of(), BootstrapRules.discovery()),
                role("system:monitoring", Map.of(), BootstrapRules.monitoring()),
                role("system:basic-user", Map.of(), BootstrapRules.basicUser()),
                role("system:public-info-viewer", Map.of(), BootstrapRules.publicInfoViewer()),
                aggregating("admin", Map.of(), "admin"),
                aggregating("edit", Map.of(AGGREGATE_TO + "admin", "true"), "edit"),
                aggregating("view", Map.of(AGGREGATE_TO + "edit", "true"), "view"),
                role("system:aggregate-to-admin", Map.of(AGGREGATE_TO + "admin", "true"),
                        BootstrapRules.aggregateToAdmin()),
                role("system:aggregate-to-edit", Map.of(AGGREGATE_TO + "edit", "true"),
                        BootstrapRules.aggregateToEdit()),
                role("system:aggregate-to-view", Map.of(AGGREGATE_TO + "view", "true"),
                        BootstrapRules.aggregateToView()),
                role("system:auth-delegator", Map.of(), BootstrapRules.authDelegator())));
        // view, then edit (which gathers view), then admin (which gathers edit)
        List<JsonNode> all = new ArrayList<>(roles);
        for (String name : List.of("view", "edit", "admin")) {
            ObjectNode role = roles.stream().filter(r -> r.path("metadata").path("name").asText().equals(name))
                    .findFirst().orElseThrow();
            role.set("rules", ClusterRoleAggregation.rules(role, all));
        }
        return roles;
    }

    public static List<ObjectNode> clusterRoleBindings() {
        return List.of(
                binding("cluster-admin", RbacUser.MASTERS),
                binding("system:basic-user", RbacUser.AUTHENTICATED),
                binding("system:discovery", RbacUser.AUTHENTICATED),
                binding("system:monitoring", "system:monitoring"),
                binding("system:public-info-viewer", RbacUser.AUTHENTICATED, RbacUser.UNAUTHENTICATED));
    }

    private static ObjectNode role(String name, Map<String, String> labels, List<ObjectNode> rules) {
        ObjectNode role = object("ClusterRole", name, labels);
        ArrayNode list = role.putArray("rules");
        rules.forEach(list::add);
        return role;
    }

    private static ObjectNode aggregating(String name, Map<String, String> labels, String selected) {
        ObjectNode role = object("ClusterRole", name, labels);
        role.putObject("aggregationRule").putArray("clusterRoleSelectors").addObject()
                .putObject("matchLabels").put(AGGREGATE_TO + selected, "true");
        role.putArray("rules");
        return role;
    }

    private static ObjectNode binding(String role, String... groups) {
        ObjectNode binding = object("ClusterRoleBinding", role, Map.of());
        binding.putObject("roleRef").put("apiGroup", GROUP).put("kind", "ClusterRole").put("name", role);
        ArrayNode subjects = binding.putArray("subjects");
        for (String group : groups) {
            subjects.addObject().put("apiGroup", GROUP).put("kind", "Group").put("name", group);
        }
        return binding;
    }

    private static ObjectNode object(String kind, String name, Map<String, String> labels) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", GROUP + "/v1").put("kind", kind);
        ObjectNode meta = object.putObject("metadata");
        meta.put("name", name);
        meta.putObject("annotations").put("rbac.authorization.kubernetes.io/autoupdate", "true");
        ObjectNode labelNode = meta.putObject("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
        labels.forEach(labelNode::put);
        return object;
    }
}
