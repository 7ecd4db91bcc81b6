package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the test driver promises: a settled simulation has nothing left that happens by itself. */
class SimulatorDriverTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void aSettleEndsOnlyOnceThePodsTheKubeletConfirmedDeletedAreGone() {
        create(statefulSet("confirmed", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("confirmed-0")));
        String uid = pod("confirmed-0").getMetadata().getUid();
        client.pods().inNamespace("default").withName("confirmed-0").delete();

        // the kubelet confirms at once; the API server removes the pod a second later on the wall clock
        driver.settle();

        Pod after = pod("confirmed-0");
        assertTrue(after == null || !uid.equals(after.getMetadata().getUid()),
                "the deleted pod is still there after a settle: " + after);
    }
}
