package io.statefulapps.embedded.apiserver;

import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl drain evicts (discovery lists pods/eviction), so a PodDisruptionBudget keeps its pods. */
class KubectlDrainTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    @Test
    void drainReportsTheBudgetsRefusalAndKeepsThePods() throws Exception {
        EvictionTest.readyPod(client, "db-0", "db");
        EvictionTest.readyPod(client, "db-1", "db");
        client.policy().v1().podDisruptionBudget().resource(EvictionTest.budget("db-pdb", "db", 2)).create();
        KubectlRunner kubectl = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));

        KubectlRunner.Result drain = kubectl.run("drain", "sim-node-1", "--force", "--ignore-daemonsets",
                "--timeout=7s");
        assertTrue(drain.code() != 0, drain.out());
        assertTrue(drain.out().contains("Cannot evict pod as it would violate the pod's disruption budget."),
                drain.out());
        assertNull(client.pods().withName("db-0").get().getMetadata().getDeletionTimestamp());
        assertNull(client.pods().withName("db-1").get().getMetadata().getDeletionTimestamp());
    }
}
