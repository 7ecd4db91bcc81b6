package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RBAC decisions from stored roles and bindings, with the real authorizer's reasons. */
class RbacAuthorizerTest {

    private static final RbacUser BOB = RbacUser.authenticated("bob", "", List.of("devs"), Map.of());
    private static final RbacUser SA = RbacUser.authenticated("system:serviceaccount:shop:app", "u1",
            List.of("system:serviceaccounts", "system:serviceaccounts:shop"), Map.of());

    private final InMemoryRbacObjects store = new InMemoryRbacObjects().add(
            "{kind:'ClusterRole',metadata:{name:'apps-editor'},rules:["
                    + "{apiGroups:['apps'],resources:['statefulsets'],verbs:['get','list','watch','create','patch']},"
                    + "{apiGroups:[''],resources:['services','pods/log'],verbs:['get']}]}",
            "{kind:'ClusterRole',metadata:{name:'scaler'},rules:[{apiGroups:['*'],resources:['*/scale'],verbs:['*']}]}",
            "{kind:'ClusterRole',metadata:{name:'one-pod'},rules:[{apiGroups:[''],resources:['pods'],"
                    + "resourceNames:['web-0'],verbs:['get','delete','list']}]}",
            "{kind:'ClusterRole',metadata:{name:'raw'},rules:[{nonResourceURLs:['/healthz','/logs/*'],verbs:['get']}]}",
            "{kind:'ClusterRole',metadata:{name:'node-reader'},rules:[{apiGroups:[''],resources:['nodes'],"
                    + "verbs:['list']}]}",
            "{kind:'Role',metadata:{namespace:'shop',name:'cm'},rules:[{apiGroups:[''],resources:['configmaps'],"
                    + "verbs:['*']}]}")
            .bind("shop", "bob-apps", "ClusterRole", "apps-editor", "User", "bob")
            .bind("shop", "devs-scale", "ClusterRole", "scaler", "Group", "devs")
            .bind("shop", "bob-one-pod", "ClusterRole", "one-pod", "User", "bob")
            .bind("", "raw-for-devs", "ClusterRole", "raw", "Group", "devs")
            .bind("shop", "sa-cm", "Role", "cm", "ServiceAccount", "app");

    private AuthorizationDecision decide(RbacUser user, RequestAttributes request) {
        return new RbacAuthorizer(store).authorize(user, request);
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3} in [{4}] named [{5}] -> {6}")
    @CsvSource(delimiter = '|', value = {
        "create | apps | statefulsets | ''     | shop  | ''     | true",
        "patch  | apps | statefulsets | ''     | shop  | web    | true",
        "delete | apps | statefulsets | ''     | shop  | web    | false",
        "create | apps | statefulsets | ''     | other | ''     | false",
        "create | ''   | statefulsets | ''     | shop  | ''     | false",
        "get    | ''   | services     | ''     | shop  | web    | true",
        "get    | ''   | pods         | log    | shop  | web-0  | true",
        "get    | ''   | pods         | exec   | shop  | web-0  | false",
        "patch  | apps | statefulsets | scale  | shop  | web    | true",
        "update | apps | deployments  | scale  | shop  | web    | true",
        "get    | apps | statefulsets | status | shop  | web    | false",
        "get    | ''   | pods         | ''     | shop  | web-0  | true",
        "get    | ''   | pods         | ''     | shop  | web-1  | false",
        "list   | ''   | pods         | ''     | shop  | ''     | false",
        "list   | ''   | pods         | ''     | shop  | web-0  | true",
        "list   | ''   | nodes        | ''     | ''    | ''     | false",
        "list   | apps | statefulsets | ''     | ''    | ''     | false",
    })
    void resourceRules(String verb, String group, String resource, String sub, String namespace, String name,
            boolean allowed) {
        assertEquals(allowed, decide(BOB, RequestAttributes.resource(verb, group, resource, sub, namespace, name))
                .allowed());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"get, /healthz, true", "get, /healthz/etcd, false", "get, /logs/, true", "get, /logs/a/b, true",
        "get, /logs, false", "post, /healthz, false"})
    void nonResourceRulesMatchExactlyOrByAPrefixEndingInAStar(String verb, String path, boolean allowed) {
        assertEquals(allowed, decide(BOB, RequestAttributes.nonResource(verb, path)).allowed());
    }

    @Test
    void reasonsNameTheBindingTheRoleAndTheSubjectLikeTheRealAuthorizer() {
        assertEquals("RBAC: allowed by RoleBinding \"bob-apps/shop\" of ClusterRole \"apps-editor\" to User \"bob\"",
                decide(BOB, RequestAttributes.resource("create", "apps", "statefulsets", "", "shop", "")).reason());
        assertEquals("RBAC: allowed by RoleBinding \"devs-scale/shop\" of ClusterRole \"scaler\" to Group \"devs\"",
                decide(BOB, RequestAttributes.resource("patch", "apps", "statefulsets", "scale", "shop", "w"))
                        .reason());
        assertEquals("RBAC: allowed by ClusterRoleBinding \"raw-for-devs\" of ClusterRole \"raw\" to Group \"devs\"",
                decide(BOB, RequestAttributes.nonResource("get", "/healthz")).reason());
        assertEquals("RBAC: allowed by RoleBinding \"sa-cm/shop\" of Role \"cm\" to ServiceAccount \"app/shop\"",
                decide(SA, RequestAttributes.resource("delete", "", "configmaps", "", "shop", "x")).reason());
    }

    @Test
    void theDecisionTellsWhichRuleOfWhichRoleAllowedIt() {
        RuleSource source = decide(BOB, RequestAttributes.resource("get", "", "pods", "log", "shop", "w")).source()
                .orElseThrow();
        assertEquals(new RuleSource("RoleBinding", "bob-apps", "shop", "ClusterRole", "apps-editor", "User", "bob", "",
                1, new PolicyRule(List.of("get"), List.of(""), List.of("services", "pods/log"), List.of(), List.of())),
                source);
    }

    @Test
    void aRefusalWithoutErrorsHasNoReason() {
        AuthorizationDecision d = decide(BOB, RequestAttributes.resource("delete", "", "pods", "", "shop", "web-1"));
        assertFalse(d.allowed());
        assertEquals("", d.reason());
        assertTrue(d.source().isEmpty());
    }

    @Test
    void serviceAccountSubjectsTakeTheBindingsNamespaceWhenTheyGiveNone() {
        assertTrue(decide(SA, RequestAttributes.resource("get", "", "configmaps", "", "shop", "x")).allowed());
        RbacUser other = RbacUser.authenticated("system:serviceaccount:other:app", "", List.of(), Map.of());
        assertFalse(decide(other, RequestAttributes.resource("get", "", "configmaps", "", "shop", "x")).allowed());
    }

    @Test
    void aServiceAccountSubjectOfAClusterRoleBindingNeedsItsNamespace() {
        store.add("{kind:'ClusterRoleBinding',metadata:{name:'sa-nodes'},roleRef:{kind:'ClusterRole',"
                + "name:'node-reader'},subjects:[{kind:'ServiceAccount',name:'app'}]}");
        RequestAttributes listNodes = RequestAttributes.resource("list", "", "nodes", "", "", "");
        assertFalse(decide(SA, listNodes).allowed());
        store.add("{kind:'ClusterRoleBinding',metadata:{name:'sa-nodes-ns'},roleRef:{kind:'ClusterRole',"
                + "name:'node-reader'},subjects:[{kind:'ServiceAccount',name:'app',namespace:'shop'}]}");
        assertEquals("RBAC: allowed by ClusterRoleBinding \"sa-nodes-ns\" of ClusterRole \"node-reader\" to"
                + " ServiceAccount \"app/shop\"", decide(SA, listNodes).reason());
    }

    @Test
    void aRoleIsLookedUpInTheBindingsNamespaceOnly() {
        store.bind("other", "bob-cm", "Role", "cm", "User", "bob");
        AuthorizationDecision d = decide(BOB, RequestAttributes.resource("get", "", "configmaps", "", "other", "x"));
        assertFalse(d.allowed());
        assertEquals("RBAC: role.rbac.authorization.k8s.io \"cm\" not found", d.reason());
    }

    @Test
    void missingRolesAndOddReferencesBecomeTheReasonOfARefusal() {
        store.bind("", "to-nothing", "ClusterRole", "nope", "User", "bob")
                .bind("", "to-nothing-again", "ClusterRole", "nope", "User", "bob")
                .bind("", "odd", "Other", "x", "User", "bob");
        AuthorizationDecision d = decide(BOB, RequestAttributes.resource("list", "", "nodes", "", "", ""));
        assertFalse(d.allowed());
        assertEquals("RBAC: [clusterrole.rbac.authorization.k8s.io \"nope\" not found, unsupported role reference"
                + " kind: \"Other\"]", d.reason());
        assertTrue(decide(BOB, RequestAttributes.resource("create", "apps", "statefulsets", "", "shop", "")).allowed(),
                "a broken binding takes nothing from the others");
    }

    @Test
    void groupsUsersAndUnknownSubjectKindsAreMatchedExactly() {
        store.add("{kind:'ClusterRoleBinding',metadata:{name:'weird'},roleRef:{kind:'ClusterRole',name:'node-reader'},"
                + "subjects:[{kind:'Robot',name:'bob'},{kind:'User',name:'Bob'},{kind:'Group',name:'dev'}]}");
        assertFalse(decide(BOB, RequestAttributes.resource("list", "", "nodes", "", "", "")).allowed());
    }

    @Test
    void systemMastersMayDoAnythingWithoutAReason() {
        RbacUser admin = RbacUser.authenticated("root", "", List.of("system:masters"), Map.of());
        AuthorizationDecision d = decide(admin, RequestAttributes.resource("deletecollection", "x.io", "things", "",
                "", ""));
        assertTrue(d.allowed());
        assertEquals("", d.reason());
        assertTrue(decide(admin, RequestAttributes.nonResource("put", "/anything")).allowed());
    }

    @Test
    void decisionsFollowTheStoreAtOnce() {
        RequestAttributes createSts = RequestAttributes.resource("create", "apps", "statefulsets", "", "shop", "");
        assertTrue(decide(BOB, createSts).allowed());
        store.remove("RoleBinding", "shop", "bob-apps");
        assertFalse(decide(BOB, createSts).allowed());
    }
}
