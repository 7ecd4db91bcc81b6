package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's "done when": the seed's trio (headless Service, StatefulSet on alicloud-nas,
 * LoadBalancer Service) comes alive with no further action, as kubectl would show it.
 */
class SeedScenarioTest extends SimulatorTestBase {

    @Test
    void theSeedTrioComesAlive() {
        createSeedTrio();

        await("2 running ready pods", () -> ready(pod("eureka-0")) && ready(pod("eureka-1")));
        assertClaimsAndVolumesBound();
        await("headless slice publishes eureka-0 and eureka-1", () -> hostnames().equals(Set.of("eureka-0",
                "eureka-1")));
        await("load balancer address", () -> {
            Service s = client.services().inNamespace("default").withName("eureka").get();
            return s.getStatus() != null && s.getStatus().getLoadBalancer() != null
                    && !s.getStatus().getLoadBalancer().getIngress().isEmpty();
        });
        await("StatefulSet status complete", () -> {
            var st = sts("eureka").getStatus();
            return st.getReadyReplicas() == 2 && st.getCurrentReplicas() == 2 && st.getUpdatedReplicas() == 2
                    && st.getCurrentRevision().equals(st.getUpdateRevision());
        });
        assertTrue(hasEvent("eureka-0", "Normal", "Pulling", "Pulling image \"registry.example/eureka:20191227_01\""));
    }

    /** The seed's headless Service, LoadBalancer Service and StatefulSet, as the product writes them. */
    private void createSeedTrio() {
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata()
                .withName("eureka-headless")
                .addToLabels("app", "eureka").endMetadata().withNewSpec().withClusterIP("None").addToSelector("app",
                        "eureka")
                .addNewPort().withName("http").withPort(8761).withTargetPort(new IntOrString(8761)).endPort()
                        .endSpec().build())
                .create();
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("eureka")
                .addToAnnotations("service.beta.kubernetes.io/alicloud-loadbalancer-address-type", "intranet")
                        .endMetadata()
                .withNewSpec().withType("LoadBalancer").withExternalTrafficPolicy("Cluster").addToSelector("app",
                        "eureka")
                .addNewPort().withName("http").withPort(8761).withTargetPort(new IntOrString(8761)).endPort()
                        .endSpec().build())
                .create();
        create(statefulSet("eureka", 2, "registry.example/eureka:20191227_01").editSpec()
                .withServiceName("eureka-headless").withPodManagementPolicy("Parallel")
                .editTemplate().editSpec().editFirstContainer().withImagePullPolicy("Always").withNewResources()
                .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("cpu", new Quantity("500m")).addToLimits("memory", new Quantity("768Mi")).endResources()
                .withNewReadinessProbe().withNewHttpGet().withPath("/actuator/health").withPort(new IntOrString(8761))
                .endHttpGet().withInitialDelaySeconds(11).endReadinessProbe().endContainer().endSpec().endTemplate()
                .editFirstVolumeClaimTemplate().withNewMetadata().withName("eureka-data").endMetadata().editSpec()
                .withStorageClassName("alicloud-nas").withAccessModes("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany")
                .withVolumeMode("Filesystem").endSpec().endVolumeClaimTemplate().endSpec());
    }

    private void assertClaimsAndVolumesBound() {
        for (int i = 0; i < 2; i++) {
            var claim = client.persistentVolumeClaims().inNamespace("default").withName("eureka-data-eureka-" + i)
                    .get();
            assertEquals("Bound", claim.getStatus().getPhase());
            var pv = client.persistentVolumes().withName("pvc-" + claim.getMetadata().getUid()).get();
            assertEquals("Bound", pv.getStatus().getPhase());
            assertEquals("Retain", pv.getSpec().getPersistentVolumeReclaimPolicy());
            assertEquals(3, pv.getSpec().getAccessModes().size());
        }
    }

    private Set<String> hostnames() {
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace("default")
                .withLabel("kubernetes.io/service-name", "eureka-headless").list().getItems();
        return slices.stream().flatMap(s -> s.getEndpoints().stream()).filter(e -> e.getConditions().getReady())
                .map(Endpoint::getHostname).collect(Collectors.toSet());
    }
}
