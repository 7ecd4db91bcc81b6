package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.testing.ManualClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default roles, used as a platform engineer uses them:
 * {@code kubectl create rolebinding bob-edit --clusterrole=edit --user=bob -n shop} and friends.
 */
class BootstrapPolicyTest {

    private final InMemoryRbacObjects store = new InMemoryRbacObjects()
            .add(BootstrapPolicy.clusterRoles()).add(BootstrapPolicy.clusterRoleBindings())
            .bind("shop", "vera-view", "ClusterRole", "view", "User", "vera")
            .bind("shop", "bob-edit", "ClusterRole", "edit", "User", "bob")
            .bind("shop", "ada-admin", "ClusterRole", "admin", "User", "ada");
    private final RbacAccessControl access = new RbacAccessControl(TokenFile.empty(), store, new ManualClock(), true);

    private static RbacUser user(String name) {
        return RbacUser.authenticated(name, "", List.of(), Map.of());
    }

    private static ObjectNode role(String name) {
        return BootstrapPolicy.clusterRoles().stream().filter(r -> r.path("metadata").path("name").asText()
                .equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} {2}/{3}/{4} in shop -> {5}")
    @CsvSource(delimiter = '|', value = {
        "vera | list   | apps | statefulsets | ''     | true",
        "vera | get    | ''   | pods         | log    | true",
        "vera | watch  | discovery.k8s.io | endpointslices | '' | true",
        "vera | get    | ''   | secrets      | ''     | false",
        "vera | create | apps | statefulsets | ''     | false",
        "vera | create | ''   | serviceaccounts | token | false",
        "bob  | create | apps | statefulsets | ''     | true",
        "bob  | patch  | apps | statefulsets | scale  | true",
        "bob  | delete | ''   | services     | ''     | true",
        "bob  | create | ''   | persistentvolumeclaims | '' | true",
        "bob  | get    | ''   | secrets      | ''     | true",
        "bob  | create | ''   | serviceaccounts | token | true",
        "bob  | update | apps | statefulsets | status | false",
        "bob  | create | rbac.authorization.k8s.io | rolebindings | '' | false",
        "bob  | create | policy | poddisruptionbudgets | '' | true",
        "bob  | create | networking.k8s.io | networkpolicies | '' | true",
        "ada  | create | rbac.authorization.k8s.io | rolebindings | '' | true",
        "ada  | create | authorization.k8s.io | localsubjectaccessreviews | '' | true",
        "ada  | list   | apps | statefulsets | ''     | true",
        "ada  | create | storage.k8s.io | storageclasses | '' | false",
    })
    void theNamespaceRolesGrantWhatTheyGrantInARealCluster(String who, String verb, String group, String resource,
            String sub, boolean allowed) {
        assertEquals(allowed, access.authorize(user(who), RequestAttributes.resource(verb, group, resource, sub, "shop",
                "x")).allowed());
    }

    @Test
    void aRoleBindingGrantsNothingOutsideItsNamespace() {
        assertEquals(false, access.authorize(user("bob"), RequestAttributes.resource("create", "apps", "statefulsets",
                "", "other", "")).allowed());
        assertEquals(false, access.authorize(user("ada"), RequestAttributes.resource("list", "", "nodes", "", "", ""))
                .allowed());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "authenticated, get, /apis, true",
        "authenticated, get, /api/v1, true",
        "authenticated, get, /version, true",
        "authenticated, get, /openapi/v3, true",
        "authenticated, get, /metrics, false",
        "authenticated, post, /apis, false",
        "anonymous, get, /version, true",
        "anonymous, get, /healthz, true",
        "anonymous, get, /apis, false",
    })
    void discoveryAndHealthAreForEveryoneTheyAreMeantFor(String who, String verb, String path, boolean allowed) {
        RbacUser u = who.equals("anonymous") ? RbacUser.anonymous() : user("nobody");
        assertEquals(allowed, access.authorize(u, RequestAttributes.nonResource(verb, path)).allowed());
    }

    @Test
    void everyAuthenticatedUserMayAskAboutThemselves() {
        for (String resource : List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")) {
            assertTrue(access.authorize(user("nobody"), RequestAttributes.resource("create", "authorization.k8s.io",
                    resource, "", "", "")).allowed(), resource);
        }
        AuthorizationDecision whoami = access.authorize(user("nobody"), RequestAttributes.resource("create",
                "authentication.k8s.io", "selfsubjectreviews", "", "", ""));
        assertEquals("RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole \"system:basic-user\" to"
                + " Group \"system:authenticated\"", whoami.reason());
        assertEquals(false, access.authorize(RbacUser.anonymous(), RequestAttributes.resource("create",
                "authorization.k8s.io", "selfsubjectaccessreviews", "", "", "")).allowed());
    }

    @Test
    void clusterAdminGrantsEverythingThroughABinding() {
        store.bind("", "root-admin", "ClusterRole", "cluster-admin", "User", "root");
        AuthorizationDecision d = access.authorize(user("root"), RequestAttributes.resource("delete", "x.io", "things",
                "", "", "t"));
        assertEquals("RBAC: allowed by ClusterRoleBinding \"root-admin\" of ClusterRole \"cluster-admin\" to User"
                + " \"root\"", d.reason());
        assertTrue(access.authorize(user("root"), RequestAttributes.nonResource("put", "/anything")).allowed());
    }

    @Test
    void aggregatedRolesHoldTheRulesOfTheRolesTheyGather() {
        Set<JsonNode> view = new HashSet<>();
        role("view").path("rules").forEach(view::add);
        Set<JsonNode> edit = new HashSet<>();
        role("edit").path("rules").forEach(edit::add);
        Set<JsonNode> admin = new HashSet<>();
        role("admin").path("rules").forEach(admin::add);
        role("system:aggregate-to-view").path("rules").forEach(r -> assertTrue(view.contains(r), r.toString()));
        assertTrue(edit.containsAll(view), "edit gathers view");
        role("system:aggregate-to-edit").path("rules").forEach(r -> assertTrue(edit.contains(r), r.toString()));
        assertTrue(admin.containsAll(edit), "admin gathers edit");
        assertEquals(view.size() + role("system:aggregate-to-edit").path("rules").size(), edit.size());
        List<String> firstOfAdmin = new ArrayList<>();
        role("admin").path("rules").forEach(r -> firstOfAdmin.add(r.toString()));
        assertEquals(role("edit").path("rules").get(0).toString(), firstOfAdmin.get(0), "edit's rules come first");
    }

    @Test
    void objectsCarryTheLabelsAndAnnotationsOfRealBootstrapObjects() {
        for (ObjectNode object : BootstrapPolicy.clusterRoles()) {
            assertEquals("rbac-defaults", object.path("metadata").path("labels").path("kubernetes.io/bootstrapping")
                    .asText(), object.toString());
            assertEquals("true", object.path("metadata").path("annotations")
                    .path("rbac.authorization.kubernetes.io/autoupdate").asText());
            assertEquals("rbac.authorization.k8s.io/v1", object.path("apiVersion").asText());
        }
        assertEquals("true", role("edit").path("metadata").path("labels")
                .path("rbac.authorization.k8s.io/aggregate-to-admin").asText());
        assertEquals("{\"matchLabels\":{\"rbac.authorization.k8s.io/aggregate-to-view\":\"true\"}}",
                role("view").path("aggregationRule").path("clusterRoleSelectors").get(0).toString());
        Set<String> bindings = new HashSet<>();
        BootstrapPolicy.clusterRoleBindings().forEach(b -> bindings.add(b.path("metadata").path("name").asText() + "->"
                + b.path("subjects").toString()));
        assertTrue(bindings.contains("cluster-admin->[{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Group\","
                + "\"name\":\"system:masters\"}]"), bindings.toString());
    }

    @Test
    void everyResourceRuleIsAboutAGroupTheEmbeddedServerServes() {
        Set<String> served = Set.of("", "*", "apps", "discovery.k8s.io", "storage.k8s.io", "rbac.authorization.k8s.io",
                "policy", "networking.k8s.io", "authentication.k8s.io", "authorization.k8s.io");
        for (ObjectNode role : BootstrapPolicy.clusterRoles()) {
            for (JsonNode rule : role.path("rules")) {
                rule.path("apiGroups").forEach(g -> assertTrue(served.contains(g.asText()), rule.toString()));
            }
        }
    }
}
