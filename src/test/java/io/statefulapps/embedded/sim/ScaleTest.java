package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many StatefulSets at once: the simulator reconciles from informers and keeps up. */
class ScaleTest extends SimulatorTestBase {

    private static final int SETS = 105;

    @Test
    void manySetsAllBecomeReady() {
        // one Service over every pod: more than 100 endpoints, so two slices as the real controller cuts them
        client.services().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName("all").endMetadata().withNewSpec().addToSelector("tier", "db").addNewPort()
                .withName("http").withPort(80).endPort().endSpec().build()).create();
        for (int i = 0; i < SETS; i++) {
            create(statefulSet("s" + i, 1, "nginx:1.27").editSpec().withVolumeClaimTemplates().endSpec());
        }
        await(SETS + " sets ready", Duration.ofSeconds(40), () -> client.apps().statefulSets().inNamespace("default")
                .list().getItems().stream().filter(s -> s.getStatus() != null && Integer.valueOf(1)
                        .equals(s.getStatus().getReadyReplicas()))
                .count() == SETS);
        StatefulSet last = sts("s" + (SETS - 1));
        assertEquals(1, last.getStatus().getReplicas());
        await("endpoints of every pod in slices of at most 100", () -> {
            var slices = client.discovery().v1().endpointSlices().inNamespace("default")
                    .withLabel("kubernetes.io/service-name", "all").list().getItems();
            return slices.size() == 2 && slices.stream().mapToInt(s -> s.getEndpoints().size()).sum() == SETS
                    && slices.stream().allMatch(s -> s.getEndpoints().size() <= 100);
        });
    }
}
