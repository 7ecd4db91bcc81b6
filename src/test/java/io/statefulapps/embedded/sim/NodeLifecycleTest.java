package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node whose Ready condition someone sets to Unknown (as {@code kubectl patch node ... --subresource=status}
 * does): its pods are marked not Ready by the node lifecycle controller, its kubelet reports
 * nothing more, and after the eviction timeout (two seconds here) the pods are marked for deletion.
 */
class NodeLifecycleTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    private void setReady(String node, String status) {
        String reason = "True".equals(status) ? "KubeletReady" : "NodeStatusUnknown";
        String message = "True".equals(status) ? "kubelet is posting ready status"
                : "Kubelet stopped posting node status.";
        client.nodes().withName(node).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + status + "\",\"reason\":\""
                        + reason + "\",\"message\":\"" + message + "\"}]}}");
    }

    @Test
    void aLostNodesPodsTurnNotReadyThenAreEvictedAndComeBackWhenItIsReady() {
        create(statefulSet("lost", 1, "nginx:1.27"));
        runUntil("lost-0 ready", () -> ready(pod("lost-0")));
        Pod before = pod("lost-0");
        String uid = before.getMetadata().getUid();
        String node = before.getSpec().getNodeName();

        setReady(node, "Unknown");
        driver.settle();
        Pod marked = pod("lost-0");
        PodCondition readyCondition = PodConditions.get(marked, "Ready");
        assertEquals("False", readyCondition.getStatus());
        assertEquals("NodeLost", marked.getStatus().getReason());
        assertEquals("Node " + node + " which was running pod lost-0 is unresponsive", marked.getStatus().getMessage());
        assertTrue(hasEvent("lost-0", "Warning", "NodeNotReady", "Node is not ready"));
        List<Taint> taints = client.nodes().withName(node).get().getSpec().getTaints();
        assertTrue(taints.stream().anyMatch(t -> NodeLifecycleController.UNREACHABLE.equals(t.getKey())
                && "NoExecute".equals(t.getEffect())), taints.toString());
        runUntil("the set counts it not ready", () -> sts("lost").getStatus().getReadyReplicas() == 0);

        // its kubelet is gone: a second passes (less than the eviction timeout) and nobody writes the pod
        String version = pod("lost-0").getMetadata().getResourceVersion();
        driver.advance(Duration.ofMillis(100), 10);
        assertEquals(version, pod("lost-0").getMetadata().getResourceVersion());

        driver.advance(Duration.ofMillis(100), 12);
        Event eviction = events("lost-0").stream().filter(e -> "TaintManagerEviction".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertEquals("Marking for deletion Pod default/lost-0", eviction.getMessage());
        assertEquals(uid, eviction.getInvolvedObject().getUid());
        Pod evicted = pod("lost-0");
        if (evicted != null && uid.equals(evicted.getMetadata().getUid())) {
            // an API server with graceful deletion: Terminating, and no kubelet confirms it
            assertNotNull(evicted.getMetadata().getDeletionTimestamp());
            assertEquals("DeletionByTaintManager", PodConditions.get(evicted, "DisruptionTarget").getReason());
            driver.advance(Duration.ofMillis(100), 10);
            assertEquals(uid, pod("lost-0").getMetadata().getUid(), "stays Terminating while its node is lost");
        } else {
            // an API server that deletes at once: the set replaces it on a node that is Ready
            runUntil("replaced on another node", () -> ready(pod("lost-0")));
            assertFalse(node.equals(pod("lost-0").getSpec().getNodeName()));
        }

        setReady(node, "True");
        runUntil("the set is Ready again", () -> sts("lost").getStatus().getReadyReplicas() == 1
                && ready(pod("lost-0")));
        Node back = client.nodes().withName(node).get();
        assertTrue(back.getSpec().getTaints().stream().noneMatch(t -> t.getKey().startsWith("node.kubernetes.io/")),
                "a Ready node loses the not-ready taints");
    }
}
