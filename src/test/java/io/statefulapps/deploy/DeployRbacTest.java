package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service's own rights as rendered: bound to its ServiceAccount and nothing else, no wildcard,
 * nothing beyond what its code does (the rehearsal proves each rule is used), and the
 * single-namespace install granting namespaced rights in its namespace only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployRbacTest {

    /** The verbs the service's code uses, per kind; anything else in a rule is too much. */
    private static final Map<String, Set<String>> CODE_USES = Map.ofEntries(
            Map.entry("statefulsets", Set.of("get", "list", "watch", "create", "update", "delete")),
            Map.entry("services", Set.of("get", "list", "watch", "create", "update", "patch", "delete")),
            Map.entry("persistentvolumeclaims", Set.of("get", "list", "watch", "patch", "delete")),
            Map.entry("pods", Set.of("list", "watch", "delete")),
            Map.entry("events", Set.of("list", "watch")),
            Map.entry("endpointslices", Set.of("list", "watch")),
            Map.entry("persistentvolumes", Set.of("get", "list", "watch")),
            Map.entry("storageclasses", Set.of("get", "list", "watch")),
            Map.entry("nodes", Set.of("list", "watch")),
            Map.entry("tokenreviews", Set.of("create")),
            Map.entry("subjectaccessreviews", Set.of("create")));
    private List<RenderedManifests> renders;

    @BeforeAll
    void render() {
        renders = Kustomizations.all().stream().map(RenderedManifests::render).toList();
    }

    List<RenderedManifests> renders() {
        return renders;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyBindingGivesAnExistingRoleToTheServiceAccountOfThePods(RenderedManifests m) {
        Deployment deployment = m.one(Deployment.class);
        ServiceAccount account = m.one(ServiceAccount.class);
        assertEquals(account.getMetadata().getName(), deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertTrue(account.getAutomountServiceAccountToken(), "the service needs its token");
        Set<String> roles = Stream.concat(m.all(ClusterRole.class).stream(), m.all(Role.class).stream())
                .map(r -> r.getKind() + "/" + r.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> bound = new HashSet<>();
        for (Binding binding : bindings(m)) {
            String target = binding.roleRef().getKind() + "/" + binding.roleRef().getName();
            assertTrue(roles.contains(target), binding.name() + " refers to " + target + ", not rendered");
            bound.add(target);
            assertEquals(1, binding.subjects().size(), binding.name());
            Subject subject = binding.subjects().get(0);
            assertEquals("ServiceAccount", subject.getKind());
            assertEquals(account.getMetadata().getName(), subject.getName());
            assertEquals(account.getMetadata().getNamespace(), subject.getNamespace());
        }
        assertEquals(roles, bound, "every role is bound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void noWildcardAndNoVerbTheCodeDoesNotUse(RenderedManifests m) {
        List<String> excess = new ArrayList<>();
        for (PolicyRule rule : rules(m)) {
            assertFalse(RbacRules.hasWildcard(rule), rule.toString());
            assertTrue(rule.getNonResourceURLs() == null || rule.getNonResourceURLs().isEmpty(), rule.toString());
            for (String resource : rule.getResources()) {
                Set<String> allowed = CODE_USES.getOrDefault(resource, Set.of());
                rule.getVerbs().stream().filter(verb -> !allowed.contains(verb))
                        .forEach(verb -> excess.add(verb + " " + resource));
            }
        }
        assertEquals(List.of(), excess);
    }

    @Test
    void theBaseSplitsNamespacedRightsFromClusterScopedReads() {
        RenderedManifests base = renders.get(0);
        assertEquals(Kustomizations.BASE, base.dir());
        assertEquals(2, base.all(ClusterRole.class).size());
        ClusterRole namespaced = clusterRole(base, "stateful-apps-api");
        assertTrue(namespaced.getRules().stream().allMatch(rule -> rule.getResources().stream()
                .allMatch(RbacRules::namespaced)), "only namespaced kinds, so it can become a Role");
        ClusterRole clusterScoped = clusterRole(base, "stateful-apps-api-cluster-scoped");
        for (PolicyRule rule : clusterScoped.getRules()) {
            assertFalse(RbacRules.grantsNamespaced(rule), rule.toString());
            assertFalse(RbacRules.grantsWrite(rule), rule.toString());
        }
        assertEquals(Set.of("tokenreviews", "subjectaccessreviews"), clusterScoped.getRules().stream()
                .filter(rule -> rule.getVerbs().contains("create")).flatMap(rule -> rule.getResources().stream())
                .collect(Collectors.toSet()));
        assertTrue(envNames(base).stream().noneMatch("STATEFUL_APPS_NAMESPACES"::equals), "all namespaces");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleNamespaceRenders")
    void singleNamespaceGrantsNamespacedRightsOnlyInItsNamespaceAndWatchesOnlyIt(RenderedManifests m) {
        for (ClusterRole role : m.all(ClusterRole.class)) {
            for (PolicyRule rule : role.getRules()) {
                assertFalse(RbacRules.grantsNamespaced(rule), role.getMetadata().getName() + ": " + rule);
                assertFalse(RbacRules.grantsWrite(rule), role.getMetadata().getName() + ": " + rule);
            }
        }
        Role role = m.one(Role.class);
        assertEquals(m.namespace(), role.getMetadata().getNamespace());
        RoleBinding binding = m.one(RoleBinding.class);
        assertEquals(m.namespace(), binding.getMetadata().getNamespace());
        assertEquals("Role", binding.getRoleRef().getKind());
        ClusterRole allNamespaces = clusterRole(renders.get(0), "stateful-apps-api");
        assertEquals(allNamespaces.getRules(), role.getRules(), "the same rules, in one namespace");
        assertTrue(m.all(ClusterRoleBinding.class).stream().allMatch(b -> "ClusterRole".equals(b.getRoleRef().getKind())));

        EnvVar namespaces = DeployInvariantsTest.api(m).getEnv().stream()
                .filter(e -> "STATEFUL_APPS_NAMESPACES".equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("STATEFUL_APPS_NAMESPACES is not set"));
        assertEquals("metadata.namespace", namespaces.getValueFrom().getFieldRef().getFieldPath(), "its own namespace");
    }

    @Test
    void theOtherInstallsKeepAClusterRoleForTheNamespacedRights() {
        for (RenderedManifests m : renders) {
            if (!singleNamespaceRenders().contains(m)) {
                assertTrue(m.all(Role.class).isEmpty(), m.dir());
                assertNotEquals(List.of(), m.all(ClusterRole.class).stream()
                        .filter(r -> r.getRules().stream().anyMatch(RbacRules::grantsNamespaced)).toList(), m.dir());
            }
        }
    }

    List<RenderedManifests> singleNamespaceRenders() {
        return renders.stream().filter(m -> m.dir().equals(Kustomizations.SINGLE_NAMESPACE)
                || m.dir().equals(Kustomizations.COMBINED)).toList();
    }

    private record Binding(String name, RoleRef roleRef, List<Subject> subjects) {
    }

    private static List<Binding> bindings(RenderedManifests m) {
        List<Binding> bindings = new ArrayList<>();
        m.all(ClusterRoleBinding.class).forEach(b -> bindings.add(new Binding(name(b), b.getRoleRef(), b.getSubjects())));
        m.all(RoleBinding.class).forEach(b -> bindings.add(new Binding(name(b), b.getRoleRef(), b.getSubjects())));
        return bindings;
    }

    private static List<PolicyRule> rules(RenderedManifests m) {
        return Stream.concat(m.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
                m.all(Role.class).stream().flatMap(r -> r.getRules().stream())).toList();
    }

    private static ClusterRole clusterRole(RenderedManifests m, String name) {
        return m.all(ClusterRole.class).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no ClusterRole " + name + " in " + m.dir()));
    }

    private static List<String> envNames(RenderedManifests m) {
        return DeployInvariantsTest.api(m).getEnv().stream().map(EnvVar::getName).toList();
    }

    private static String name(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
