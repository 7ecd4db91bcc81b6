package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cluster IPs and node ports as kube-apiserver's allocators hand them out and refuse them. */
class ServiceAllocationTest extends ApiServerTestBase {

    private Service withIp(String name, String ip) {
        Service svc = service(name);
        svc.getSpec().setClusterIP(ip);
        return svc;
    }

    private Service nodePort(String name, Integer... ports) {
        Service svc = service(name);
        svc.getSpec().setType("NodePort");
        svc.getSpec().setPorts(new java.util.ArrayList<>());
        for (int i = 0; i < ports.length; i++) {
            svc.getSpec().getPorts().add(new ServicePortBuilder().withName("p" + i).withPort(80 + i)
                    .withNodePort(ports[i]).build());
        }
        return svc;
    }

    private KubernetesClientException refused(Service svc) {
        return assertThrows(KubernetesClientException.class, () -> client.services().resource(svc).create());
    }

    @Test
    void anIpAskedForIsGivenOnceAndFreedWithItsService() {
        assertEquals("10.96.7.7", client.services().resource(withIp("first", "10.96.7.7")).create().getSpec()
                .getClusterIP());
        KubernetesClientException taken = refused(withIp("second", "10.96.7.7"));
        assertEquals(422, taken.getCode());
        assertTrue(taken.getMessage().contains("spec.clusterIPs: Invalid value: []string{\"10.96.7.7\"}: failed to"
                + " allocate IP 10.96.7.7: provided IP is already allocated"), taken.getMessage());
        assertNull(client.services().withName("second").get(), "nothing stored");

        client.services().withName("first").withGracePeriod(0).delete();
        assertEquals("10.96.7.7", client.services().resource(withIp("second", "10.96.7.7")).create().getSpec()
                .getClusterIP());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.1.1 | spec.clusterIPs: Invalid value: []string{\"192.168.1.1\"}: failed to allocate IP 192.168.1.1:"
                + " the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
        "10.112.0.1 | the provided IP (10.112.0.1) is not in the valid range",
        "10.96.300.1 | spec.clusterIPs[0]: Invalid value: \"10.96.300.1\": must be a valid IP address",
        "not-an-ip | spec.clusterIPs[0]: Invalid value: \"not-an-ip\": must be a valid IP address",
    })
    void anIpOutsideTheRangeOrNoIpAtAllIsRefused(String ip, String message) {
        KubernetesClientException refusal = refused(withIp("bad-ip", ip));
        assertEquals(422, refusal.getCode());
        assertTrue(refusal.getMessage().contains(message), refusal.getMessage());
    }

    @Test
    void allocatedIpsNeverCollideWithOnesAskedFor() {
        Set<String> ips = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ips.add(client.services().resource(service("auto-" + i)).create().getSpec().getClusterIP());
        }
        String next = "10.96.0." + (ips.stream().mapToInt(ip -> Integer.parseInt(ip.substring(ip.lastIndexOf('.')
                + 1))).max().orElseThrow() + 1);
        client.services().resource(withIp("pinned", next)).create();
        String allocated = client.services().resource(service("after-pinned")).create().getSpec().getClusterIP();
        assertNotEquals(next, allocated);
        assertEquals(5, ips.size());
    }

    @Test
    void aNodePortAskedForIsGivenOnceAndFreedWithItsService() {
        assertEquals(31000, client.services().resource(nodePort("np-a", 31000)).create().getSpec().getPorts().get(0)
                .getNodePort());
        KubernetesClientException taken = refused(nodePort("np-b", 31000));
        assertEquals(422, taken.getCode());
        assertTrue(taken.getMessage().contains("spec.ports[0].nodePort: Invalid value: 31000: provided port is already"
                + " allocated"), taken.getMessage());
        client.services().withName("np-a").withGracePeriod(0).delete();
        assertEquals(31000, client.services().resource(nodePort("np-b", 31000)).create().getSpec().getPorts().get(0)
                .getNodePort());
    }

    @Test
    void nodePortsOutOfRangeTwiceInOneServiceOrOnAClusterIpServiceAreRefused() {
        KubernetesClientException range = refused(nodePort("np-range", 80));
        assertTrue(range.getMessage().contains("spec.ports[0].nodePort: Invalid value: 80: provided port is not in the"
                + " valid range. The range of valid ports is 30000-32767"), range.getMessage());
        KubernetesClientException twice = refused(nodePort("np-twice", 31500, 31500));
        assertTrue(twice.getMessage().contains("spec.ports[1].nodePort: Duplicate value: 31500"), twice.getMessage());
        Service clusterIp = nodePort("np-clusterip", 31600);
        clusterIp.getSpec().setType("ClusterIP");
        KubernetesClientException forbidden = refused(clusterIp);
        assertTrue(forbidden.getMessage().contains("spec.ports[0].nodePort: Forbidden: may not be used when `type` is"
                + " 'ClusterIP'"), forbidden.getMessage());
    }

    @Test
    void allocatedNodePortsSkipTheOnesTakenAndTheServicesOwn() {
        Service mixed = nodePort("np-mixed", 30000, null, 30001);
        List<Integer> ports = client.services().resource(mixed).create().getSpec().getPorts().stream()
                .map(p -> p.getNodePort()).toList();
        assertEquals(3, new HashSet<>(ports).size(), ports.toString());
        assertEquals(30000, ports.get(0));
        assertEquals(30001, ports.get(2));
    }

    @Test
    void aServiceThatStopsNeedingNodePortsGivesThemBack() {
        Service created = client.services().resource(nodePort("np-back", 32000)).create();
        created.getSpec().setType("ClusterIP");
        Service updated = client.services().resource(created).update();
        assertNull(updated.getSpec().getPorts().get(0).getNodePort());
        assertNull(updated.getSpec().getExternalTrafficPolicy());
        assertEquals(32000, client.services().resource(nodePort("np-taker", 32000)).create().getSpec().getPorts()
                .get(0).getNodePort());
    }

    @Test
    void anUpdateKeepsWhatTheServiceHoldsAndAnIpChangeIsStillImmutable() {
        Service created = client.services().resource(nodePort("np-keep", 32100)).create();
        created.getMetadata().setLabels(java.util.Map.of("changed", "yes"));
        Service updated = client.services().resource(created).update();
        assertEquals(32100, updated.getSpec().getPorts().get(0).getNodePort());
        assertEquals(created.getSpec().getClusterIP(), updated.getSpec().getClusterIP());

        client.services().resource(withIp("ip-owner", "10.96.9.9")).create();
        updated.getSpec().setClusterIP("10.96.9.9");
        updated.getSpec().setClusterIPs(List.of("10.96.9.9"));
        KubernetesClientException changed = assertThrows(KubernetesClientException.class,
                () -> client.services().resource(updated).update());
        assertTrue(changed.getMessage().contains("may not change once set"), changed.getMessage());
    }

    @Test
    void aDryRunChecksButHoldsNothing() {
        client.services().resource(withIp("dry", "10.96.8.8")).dryRun().create();
        assertEquals("10.96.8.8", client.services().resource(withIp("wet", "10.96.8.8")).create().getSpec()
                .getClusterIP());
        KubernetesClientException dryTaken = assertThrows(KubernetesClientException.class,
                () -> client.services().resource(withIp("dry2", "10.96.8.8")).dryRun().create());
        assertEquals(422, dryTaken.getCode());
    }
}
