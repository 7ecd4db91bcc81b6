package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EndpointSlices for headless and client Services, and the load balancer controller. */
class ServiceControllersTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    private Service createService(String name, String app, boolean headless, String type, boolean publishNotReady) {
        return createService(name, app, headless, type, publishNotReady, java.util.Map.of());
    }

    private Service createService(String name, String app, boolean headless, String type, boolean publishNotReady,
            java.util.Map<String, String> annotations) {
        ServiceBuilder b = new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default")
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().addToSelector("app", app).withType(type).withPublishNotReadyAddresses(publishNotReady)
                .addNewPort().withName("http").withPort(80).withNewTargetPort("http").endPort().endSpec();
        if (headless) {
            b.editSpec().withClusterIP("None").endSpec();
        }
        return client.services().inNamespace("default").resource(b.build()).create();
    }

    private EndpointSlice slice(String service) {
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace("default")
                .withLabel("kubernetes.io/service-name", service).list().getItems();
        return slices.isEmpty() ? null : slices.get(0);
    }

    private List<Endpoint> endpoints(String service) {
        EndpointSlice s = slice(service);
        return s == null ? List.of() : s.getEndpoints();
    }

    @Test
    void headlessSlicePublishesHostnamesAndTheClientSliceDoesNot() {
        Service headless = createService("db-headless", "db", true, null, false);
        createService("db", "db", false, null, false);
        create(statefulSet("db", 2, "nginx:1.27"));
        runUntil("two ready endpoints", () -> endpoints("db-headless").size() == 2
                && endpoints("db-headless").stream().allMatch(e -> e.getConditions().getReady())
                && endpoints("db").size() == 2);
        EndpointSlice s = slice("db-headless");
        assertTrue(s.getMetadata().getName().startsWith("db-headless-"));
        assertEquals("endpointslice-controller.k8s.io", s.getMetadata().getLabels()
                .get("endpointslice.kubernetes.io/managed-by"));
        assertEquals("IPv4", s.getAddressType());
        assertEquals(headless.getMetadata().getUid(), s.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(8080, s.getPorts().get(0).getPort(), "named targetPort resolved against the container port");
        assertEquals("http", s.getPorts().get(0).getName());
        assertEquals("TCP", s.getPorts().get(0).getProtocol());
        Endpoint e0 = endpoints("db-headless").get(0);
        assertEquals("db-0", e0.getHostname());
        assertEquals(List.of(pod("db-0").getStatus().getPodIP()), e0.getAddresses());
        assertEquals(pod("db-0").getSpec().getNodeName(), e0.getNodeName());
        assertEquals("Pod", e0.getTargetRef().getKind());
        assertEquals(pod("db-0").getMetadata().getUid(), e0.getTargetRef().getUid());
        assertTrue(e0.getConditions().getServing());
        assertFalse(e0.getConditions().getTerminating());
        assertNull(endpoints("db").get(0).getHostname(), "hostname only where the pod's subdomain names the Service");

        client.services().inNamespace("default").withName("db").delete();
        runUntil("client slice deleted with its Service", () -> slice("db") == null);
    }

    @Test
    void notReadyPodsAreListedNotReadyUnlessPublishNotReadyAddresses() {
        createService("lazy-headless", "lazy", true, null, false);
        createService("lazy-all", "lazy", true, null, true);
        create(statefulSet("lazy", 1, "app:notready"));
        runUntil("endpoint listed", () -> endpoints("lazy-headless").size() == 1 && endpoints("lazy-all").size() == 1);
        assertFalse(endpoints("lazy-headless").get(0).getConditions().getReady());
        assertTrue(endpoints("lazy-all").get(0).getConditions().getReady());
    }

    @Test
    void loadBalancerGetsAnAddressUnlessToldNotTo() {
        createService("public", "public", false, "LoadBalancer", false);
        Service noLb = createService("private", "public", false, "LoadBalancer", false,
                java.util.Map.of(LoadBalancerController.NO_LB, "true"));
        runUntil("ingress assigned", () -> {
            Service s = client.services().inNamespace("default").withName("public").get();
            return s.getStatus() != null && s.getStatus().getLoadBalancer() != null
                    && !s.getStatus().getLoadBalancer().getIngress().isEmpty();
        });
        String ip = client.services().inNamespace("default").withName("public").get().getStatus().getLoadBalancer()
                .getIngress().get(0).getIp();
        assertTrue(ip.startsWith("192.168."), ip);
        driver.advance(Duration.ofMillis(50), 8);
        Service still = client.services().inNamespace("default").withName(noLb.getMetadata().getName()).get();
        assertTrue(still.getStatus() == null || still.getStatus().getLoadBalancer() == null
                || still.getStatus().getLoadBalancer().getIngress().isEmpty(), "annotated Service gets no address");
    }

    @Test
    void anAddressRemovedByHandIsNotGivenBack() {
        createService("emptied", "x", false, "LoadBalancer", false);
        runUntil("ingress assigned", () -> !lbIngress("emptied").isEmpty());
        client.services().inNamespace("default").withName("emptied").editStatus(s -> new ServiceBuilder(s).editStatus()
                .withNewLoadBalancer().endLoadBalancer().endStatus().build());
        runUntil("emptied", () -> lbIngress("emptied").isEmpty());
        driver.advance(Duration.ofMillis(50), 8);
        assertTrue(lbIngress("emptied").isEmpty(), "the user's 'never gets an address' stays");
    }

    private List<io.fabric8.kubernetes.api.model.LoadBalancerIngress> lbIngress(String name) {
        Service s = client.services().inNamespace("default").withName(name).get();
        return s.getStatus() == null || s.getStatus().getLoadBalancer() == null ? List.of()
                : s.getStatus().getLoadBalancer().getIngress();
    }
}
