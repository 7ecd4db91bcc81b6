package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many StatefulSets at once: the simulator reconciles from caches and keeps up. */
class ScaleTest extends SimulatorTestBase {

  private static final int SETS = 100;

  @Test
  void manySetsAllBecomeReady() {
    for (int i = 0; i < SETS; i++) {
      create(statefulSet("s" + i, 1, "nginx:1.27").editSpec().withVolumeClaimTemplates().endSpec());
    }
    await(SETS + " sets ready", Duration.ofSeconds(40), () -> client.apps().statefulSets().inNamespace("default")
        .list().getItems().stream().filter(s -> s.getStatus() != null && Integer.valueOf(1).equals(s.getStatus().getReadyReplicas()))
        .count() == SETS);
    StatefulSet last = sts("s" + (SETS - 1));
    assertEquals(1, last.getStatus().getReplicas());
  }
}
