package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store for tests: objects are added as (relaxed) JSON text and found by kind and namespace. */
final class InMemoryRbacObjects implements RbacObjects {

    private static final ObjectMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private final List<JsonNode> objects = new CopyOnWriteArrayList<>();

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) RELAXED.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Compares JSON as text, so that numbers compare by value and not by Jackson's node type. */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected).toString(), actual.toString());
    }

    InMemoryRbacObjects add(String... texts) {
        for (String text : texts) {
            objects.add(json(text));
        }
        return this;
    }

    InMemoryRbacObjects add(List<? extends JsonNode> nodes) {
        objects.addAll(nodes);
        return this;
    }

    /** A ServiceAccount with the given uid. */
    InMemoryRbacObjects serviceAccount(String namespace, String name, String uid) {
        return add("{kind:'ServiceAccount',metadata:{namespace:'" + namespace + "',name:'" + name + "',uid:'" + uid
                + "'}}");
    }

    void remove(String kind, String namespace, String name) {
        objects.removeIf(o -> o.path("kind").asText().equals(kind) && ns(o).equals(namespace)
                && o.path("metadata").path("name").asText().equals(name));
    }

    /** A RoleBinding (namespace given) or ClusterRoleBinding of a role to one subject. */
    InMemoryRbacObjects bind(String namespace, String bindingName, String roleKind, String roleName,
            String subjectKind, String subjectName) {
        String kind = namespace.isEmpty() ? "ClusterRoleBinding" : "RoleBinding";
        return add("{kind:'" + kind + "',metadata:{name:'" + bindingName + "',namespace:'" + namespace + "'},"
                + "roleRef:{apiGroup:'rbac.authorization.k8s.io',kind:'" + roleKind + "',name:'" + roleName + "'},"
                + "subjects:[{kind:'" + subjectKind + "',name:'" + subjectName + "'}]}");
    }

    @Override
    public List<JsonNode> roles(String namespace) {
        return of("Role", namespace);
    }

    @Override
    public List<JsonNode> clusterRoles() {
        return of("ClusterRole", "");
    }

    @Override
    public List<JsonNode> roleBindings(String namespace) {
        return of("RoleBinding", namespace);
    }

    @Override
    public List<JsonNode> clusterRoleBindings() {
        return of("ClusterRoleBinding", "");
    }

    @Override
    public Optional<JsonNode> serviceAccount(String namespace, String name) {
        return of("ServiceAccount", namespace).stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    private List<JsonNode> of(String kind, String namespace) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && ns(o).equals(namespace)).toList();
    }

    private static String ns(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }
}
