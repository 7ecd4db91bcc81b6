package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Once nothing changes, the simulator writes nothing (no status rewritten tick after tick) and
 * looks at nothing: its controllers wait for changes and for their own delays only.
 */
class SteadyStateTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void aSettledAppCausesNoWrites() {
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata()
                .withName("calm-headless")
                .endMetadata().withNewSpec().withClusterIP("None").addToSelector("app", "calm").addNewPort()
                        .withName("http")
                .withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("calm")
                .endMetadata().withNewSpec().withType("LoadBalancer").addToSelector("app", "calm").addNewPort()
                        .withName("http")
                .withPort(80).endPort().endSpec().build()).create();
        create(statefulSet("calm", 2, "nginx:1.27"));
        runUntil("settled", () -> ready(pod("calm-1")) && sts("calm").getStatus().getReadyReplicas() == 2
                && client.services().inNamespace("default").withName("calm").get().getStatus().getLoadBalancer()
                        .getIngress().size() == 1);
        driver.advance(Duration.ofMillis(50), 20); // let the ready delay and the last events pass
        Map<String, String> before = versions();
        driver.advance(Duration.ofMillis(50), 20);
        assertEquals(before, versions());
    }

    @Test
    void aSettledClusterGivesTheControllersNothingToLookAt() {
        create(statefulSet("idle", 2, "nginx:1.27"));
        runUntil("settled", () -> ready(pod("idle-1")) && sts("idle").getStatus().getReadyReplicas() == 2);
        driver.advance(Duration.ofMillis(50), 20); // the last delays fall due
        long before = simulator.reconciles();
        driver.advance(Duration.ofSeconds(30), 10); // five minutes, short of the safety-net resync
        assertEquals(before, simulator.reconciles(), "no sweep, no polling: nothing changed, nothing was looked at");
    }

    private Map<String, String> versions() {
        Map<String, String> result = new TreeMap<>();
        List<? extends HasMetadata> all = Stream.of(
                client.apps().statefulSets().inNamespace("default").list().getItems(),
                client.pods().inNamespace("default").list().getItems(),
                client.persistentVolumeClaims().inNamespace("default").list().getItems(),
                client.persistentVolumes().list().getItems(),
                client.services().inNamespace("default").list().getItems(),
                client.discovery().v1().endpointSlices().inNamespace("default").list().getItems(),
                client.v1().events().inNamespace("default").list().getItems())
                .flatMap(List::stream).toList();
        for (HasMetadata o : all) {
            result.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion());
        }
        return result;
    }
}
