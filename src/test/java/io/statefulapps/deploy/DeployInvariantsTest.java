package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.statefulapps.render.ManagedLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What holds for every way of installing the service (the base, each overlay, and a user's overlay
 * combining them all): a pod that the restricted Pod Security profile admits, several replicas kept
 * apart, probes, a shutdown that fits its grace period, and every selector, port and reference
 * pointing at what is really there. RBAC is in {@link DeployRbacTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployInvariantsTest {

    static final String PART_OF = "app.kubernetes.io/part-of";
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
    void podMeetsTheRestrictedProfileWithAWritableTmp(RenderedManifests m) {
        PodSpec pod = m.one(Deployment.class).getSpec().getTemplate().getSpec();
        assertEquals(List.of(), RestrictedPodSecurity.violations(pod));
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0, "a non-root uid");
        String tmpVolume = api(m).getVolumeMounts().stream().filter(v -> "/tmp".equals(v.getMountPath()))
                .map(v -> v.getName()).findFirst().orElseThrow(() -> new AssertionError("nothing mounted at /tmp"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
        assertNotNull(volume.getEmptyDir(), "/tmp is an emptyDir");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void namespaceEnforcesTheRestrictedProfileAndHoldsEverything(RenderedManifests m) {
        Namespace namespace = m.one(Namespace.class);
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        Set<String> clusterScoped = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");
        for (HasMetadata object : m.objects()) {
            String expected = clusterScoped.contains(object.getKind()) ? null : namespace.getMetadata().getName();
            assertEquals(expected, object.getMetadata().getNamespace(), describe(object));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void severalReplicasSpreadOverZonesAndNodesWithADisruptionBudget(RenderedManifests m) {
        Deployment deployment = m.one(Deployment.class);
        int replicas = deployment.getSpec().getReplicas();
        assertTrue(replicas >= 2, "replicas: " + replicas);
        Map<String, String> podLabels = podLabels(m);
        assertTrue(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels));
        List<TopologySpreadConstraint> spread = deployment.getSpec().getTemplate().getSpec()
                .getTopologySpreadConstraints();
        assertEquals(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"),
                spread.stream().map(TopologySpreadConstraint::getTopologyKey).collect(Collectors.toSet()));
        spread.forEach(c -> assertTrue(selects(c.getLabelSelector().getMatchLabels(), podLabels), c.toString()));
        PodDisruptionBudget budget = m.one(PodDisruptionBudget.class);
        assertTrue(selects(budget.getSpec().getSelector().getMatchLabels(), podLabels), "the budget selects the pods");
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        assertNotNull(maxUnavailable, "maxUnavailable");
        assertTrue(maxUnavailable.getIntVal() >= 1 && maxUnavailable.getIntVal() < replicas,
                "a drain may take one replica at a time but never all: " + maxUnavailable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void probesAskQuarkusHealthOnTheHttpPort(RenderedManifests m) {
        Container api = api(m);
        assertProbe(api, api.getStartupProbe(), "/q/health/started");
        assertProbe(api, api.getLivenessProbe(), "/q/health/live");
        assertProbe(api, api.getReadinessProbe(), "/q/health/ready");
        assertNotNull(api.getResources().getRequests().get("cpu"));
        assertNotNull(api.getResources().getRequests().get("memory"));
        assertNotNull(api.getResources().getLimits().get("memory"));
        assertEquals("external", env(api, "STATEFUL_APPS_CLUSTER"), "never the embedded simulated cluster");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void shutdownDrainsThenFinishesRequestsWithinTheGracePeriod(RenderedManifests m) {
        PodSpec pod = m.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container api = api(m);
        long pause = api.getLifecycle().getPreStop().getSleep().getSeconds();
        Duration inFlight = Duration.parse("PT" + env(api, "QUARKUS_SHUTDOWN_TIMEOUT").toUpperCase());
        long grace = pod.getTerminationGracePeriodSeconds();
        assertTrue(pause > 0 && inFlight.toSeconds() > 0, "a pause and a request timeout");
        // The watches stop after the requests; a few seconds are left for that.
        assertTrue(pause + inFlight.toSeconds() + 5 <= grace,
                "preStop " + pause + "s + shutdown timeout " + inFlight + " + 5s > grace " + grace + "s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void serviceAndNetworkPolicyOpenOnlyTheHttpPort(RenderedManifests m) {
        Container api = api(m);
        Map<String, String> podLabels = podLabels(m);
        Service service = m.one(Service.class);
        assertTrue(selects(service.getSpec().getSelector(), podLabels), "the Service selects the pods");
        ServicePort port = service.getSpec().getPorts().get(0);
        assertEquals(1, service.getSpec().getPorts().size());
        assertEquals("http", port.getName());
        assertTrue(isHttpPort(api, port.getTargetPort()), "targetPort " + port.getTargetPort());

        NetworkPolicy policy = m.one(NetworkPolicy.class);
        assertTrue(selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels), "the policy selects the pods");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        List<String> ingress = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream())
                .map(p -> (isHttpPort(api, p.getPort()) ? "http" : String.valueOf(p.getPort())) + "/" + p.getProtocol())
                .toList();
        assertEquals(List.of("http/TCP"), ingress, "ingress only to the API port");
        Set<String> egress = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream())
                .map(p -> p.getPort().getIntVal() + "/" + p.getProtocol()).collect(Collectors.toSet());
        assertEquals(Set.of("53/UDP", "53/TCP", "443/TCP", "6443/TCP"), egress, "egress: DNS and the Kubernetes API");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void labelsAreConsistentAndNeverMarkTheServiceAsOneOfItsApps(RenderedManifests m) {
        for (HasMetadata object : m.objects()) {
            Map<String, String> labels = Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of());
            assertEquals("stateful-apps-api", labels.get(PART_OF), describe(object));
            // The watch cache selects managed-by=stateful-apps-api: the service's own pods must not be apps.
            assertFalse(ManagedLabels.MANAGED_BY_VALUE.equals(labels.get(ManagedLabels.MANAGED_BY)), describe(object));
        }
        assertFalse(ManagedLabels.MANAGED_BY_VALUE.equals(podLabels(m).get(ManagedLabels.MANAGED_BY)));
        assertEquals("stateful-apps-api", podLabels(m).get(PART_OF));
    }

    static Container api(RenderedManifests m) {
        List<Container> containers = m.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    static Map<String, String> podLabels(RenderedManifests m) {
        return m.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue)
                .findFirst().orElse(null);
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static void assertProbe(Container api, Probe probe, String path) {
        assertNotNull(probe, path);
        HTTPGetAction get = probe.getHttpGet();
        assertEquals(path, get.getPath());
        assertTrue(isHttpPort(api, get.getPort()), path + " on " + get.getPort());
    }

    /** The container's port named http, by name or by number. */
    private static boolean isHttpPort(Container api, IntOrString port) {
        return api.getPorts().stream().filter(p -> "http".equals(p.getName()))
                .anyMatch(p -> "http".equals(port.getStrVal()) || p.getContainerPort().equals(port.getIntVal()));
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
