package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The read-back property: {@code read(render(ns, s)).equals(AppSpecDefaults.apply(s))}. */
class TrioReaderTest {

    private static final String NS = "team-a";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final TrioRenderer renderer = new TrioRenderer();
    private final TrioReader reader = new TrioReader();

    static Stream<Arguments> specs() {
        Stream<Arguments> files = AppSpecFixtures.RESOURCE_SPECS.stream()
                .map(file -> Arguments.of(file, AppSpecFixtures.resource(file)));
        Stream<Arguments> variations = Stream.of(
                Arguments.of("OnDelete", AppSpecFixtures.minimalWith("\"updateStrategy\": {\"type\": \"OnDelete\"}")),
                Arguments.of("NodePort, zero replicas",
                        AppSpecFixtures.minimalWith("\"service\": {\"type\": \"NodePort\"}, \"replicas\": 0")),
                Arguments.of("privileged, unconfined", AppSpecFixtures.minimalWith(
                        "\"securityContext\": {\"privileged\": true}, "
                                + "\"podSecurityContext\": {\"seccompProfile\": {\"type\": \"Unconfined\"}}")),
                Arguments.of("empty collections", AppSpecFixtures.minimalWith(
                        "\"env\": [], \"labels\": {}, \"volumes\": [], \"command\": [], "
                                + "\"service\": {\"annotations\": {}}, \"resources\": {\"requests\": {}}")));
        return Stream.concat(files, variations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void readingTheRenderedTrioGivesTheSpecWithDefaults(String label, AppSpec spec) {
        assertEquals(AppSpecDefaults.apply(spec), reader.read(renderer.render(NS, spec)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void readingTheTrioAsTheApiServerReturnsItGivesTheSpecWithDefaults(String label, AppSpec spec) {
        Trio live = asTheApiServerReturnsIt(renderer.render(NS, spec));
        assertEquals(AppSpecDefaults.apply(spec), reader.read(live));
    }

    @Test
    void whatTheServerLeftOutReadsAsTheDefault() {
        AppSpec spec = AppSpecFixtures.minimalWith("\"livenessProbe\": {\"httpGet\": {\"port\": 5432}},"
                + "\"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\"}]");
        Trio live = renderer.render(NS, spec);
        StatefulSetSpec sts = live.statefulSet().getSpec();
        sts.setReplicas(null);
        sts.setPodManagementPolicy(null);
        sts.setRevisionHistoryLimit(null);
        sts.setUpdateStrategy(null);
        sts.setPersistentVolumeClaimRetentionPolicy(null);
        sts.getVolumeClaimTemplates().get(0).getSpec().setVolumeMode(null);
        PodSpec pod = sts.getTemplate().getSpec();
        pod.setTerminationGracePeriodSeconds(null);
        pod.setSecurityContext(null);
        Container container = pod.getContainers().get(0);
        container.setImagePullPolicy(null);
        container.setSecurityContext(null);
        Probe probe = container.getLivenessProbe();
        probe.setInitialDelaySeconds(null);
        probe.setPeriodSeconds(null);
        probe.setTimeoutSeconds(null);
        probe.setFailureThreshold(null);
        probe.setSuccessThreshold(null);
        probe.getHttpGet().setPath(null);
        probe.getHttpGet().setScheme(null);
        for (Service service : List.of(live.headlessService(), live.clientService())) {
            service.getSpec().setSessionAffinity(null);
            service.getSpec().setPublishNotReadyAddresses(null);
            service.getSpec().getPorts().forEach(port -> {
                port.setTargetPort(null);
                port.setProtocol(null);
            });
        }

        assertEquals(AppSpecDefaults.apply(spec), reader.read(live));
    }

    @Test
    void theContainerNamedAfterTheAppIsReadEvenBehindAnInjectedSidecar() {
        AppSpec spec = AppSpecFixtures.resource("seed-appspec.json");
        Trio live = renderer.render(NS, spec);
        List<Container> containers = new ArrayList<>(live.statefulSet().getSpec().getTemplate().getSpec().getContainers());
        containers.add(0, new ContainerBuilder().withName("istio-proxy").withImage("proxy:1").build());
        live.statefulSet().getSpec().getTemplate().getSpec().setContainers(containers);

        assertEquals(AppSpecDefaults.apply(spec), reader.read(live));
    }

    @Test
    void extraLabelsAreReadFromThePodTemplateWithoutTheManagedOnes() {
        AppSpec spec = AppSpecFixtures.minimalWith("\"labels\": {\"tier\": \"db\"}");
        assertEquals(Map.of("tier", "db"), reader.read(renderer.render(NS, spec)).labels());
        assertNull(reader.read(renderer.render(NS, AppSpecFixtures.minimalWith(""))).labels());
    }

    /**
     * The trio after a trip through the API server: JSON on the wire, server-set fields added,
     * and values the server omits ({@code omitempty} on false and zero) dropped.
     */
    static Trio asTheApiServerReturnsIt(Trio rendered) {
        Service headless = SERIALIZATION.unmarshal(SERIALIZATION.asJson(rendered.headlessService()), Service.class);
        Service client = SERIALIZATION.unmarshal(SERIALIZATION.asJson(rendered.clientService()), Service.class);
        var statefulSet = SERIALIZATION.unmarshal(SERIALIZATION.asJson(rendered.statefulSet()),
                io.fabric8.kubernetes.api.model.apps.StatefulSet.class);

        List.of(headless, client, statefulSet).forEach(object -> {
            object.getMetadata().setUid("6f1c2a8e-0000-4000-8000-000000000001");
            object.getMetadata().setResourceVersion("4711");
            object.getMetadata().setCreationTimestamp("2026-11-25T02:00:00Z");
            object.getMetadata().setGeneration(1L);
        });
        for (Service service : List.of(headless, client)) {
            service.getMetadata().getAnnotations().put("kubectl.kubernetes.io/last-applied-configuration", "{}");
            service.getSpec().setIpFamilies(List.of("IPv4"));
            service.getSpec().setIpFamilyPolicy("SingleStack");
            service.getSpec().setInternalTrafficPolicy("Cluster");
            if (Boolean.FALSE.equals(service.getSpec().getPublishNotReadyAddresses())) {
                service.getSpec().setPublishNotReadyAddresses(null);
            }
        }
        client.getSpec().setClusterIP("10.96.0.17");
        client.getSpec().setClusterIPs(List.of("10.96.0.17"));
        if (AppSpecDefaults.exposesNodePorts(client.getSpec().getType())) {
            int nodePort = 30000;
            for (ServicePort port : client.getSpec().getPorts()) {
                port.setNodePort(nodePort++);
            }
        }
        if ("LoadBalancer".equals(client.getSpec().getType())) {
            client.getSpec().setAllocateLoadBalancerNodePorts(true);
            client.setStatus(SERIALIZATION.unmarshal("{\"loadBalancer\":{\"ingress\":[{\"ip\":\"192.0.2.10\"}]}}",
                    io.fabric8.kubernetes.api.model.ServiceStatus.class));
        }

        statefulSet.setStatus(new StatefulSetStatusBuilder().withReplicas(2).withReadyReplicas(1)
                .withCurrentRevision("eureka-7d9f").withUpdateRevision("eureka-7d9f").withObservedGeneration(1L).build());
        PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();
        pod.setSchedulerName("default-scheduler");
        for (Container container : pod.getContainers()) {
            container.setTerminationMessagePath("/dev/termination-log");
            container.setTerminationMessagePolicy("File");
            for (Probe probe : Stream.of(container.getLivenessProbe(), container.getReadinessProbe(),
                    container.getStartupProbe()).filter(p -> p != null).toList()) {
                if (Integer.valueOf(0).equals(probe.getInitialDelaySeconds())) {
                    probe.setInitialDelaySeconds(null);
                }
            }
        }
        statefulSet.getSpec().getVolumeClaimTemplates().forEach(template -> template.setStatus(
                new PersistentVolumeClaimStatusBuilder().withPhase("Pending").build()));
        return new Trio(headless, statefulSet, client);
    }
}
