package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduler's cheap check agrees with the worded reasons: a pod fits exactly when there are none. */
class NodeFitTest {

    private static final Node NODE = new NodeBuilder().withNewMetadata().withName("n1").addToLabels("disk", "ssd")
            .endMetadata().withNewStatus().addToAllocatable("pods", new Quantity("3"))
            .addToAllocatable("cpu", new Quantity("2")).addToAllocatable("memory", new Quantity("4Gi")).endStatus()
            .build();

    private static Pod pod(String cpu, String memory, Map<String, String> nodeSelector) {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .withNodeSelector(nodeSelector).addNewContainer().withName("main").withNewResources()
                .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory)).endResources()
                .endContainer().endSpec().build();
    }

    private static NodeUsage.Total used(int pods, String cpu, String memory) {
        return new NodeUsage.Total(pods, new Quantity(cpu).getNumericalAmount(),
                new Quantity(memory).getNumericalAmount(), 0, 0);
    }

    private static void agree(Pod pod, NodeUsage.Total used, List<String> reasons) {
        assertEquals(reasons, NodeFit.misfits(pod, NODE, used));
        assertEquals(reasons.isEmpty(), NodeFit.fits(pod, NodeFit.Requests.of(pod), NODE, NodeFit.Capacity.of(NODE),
                used), reasons.toString());
    }

    @Test
    void fitsExactlyWhenNoReasonIsGiven() {
        agree(pod("500m", "1Gi", null), NodeUsage.Total.NONE, List.of());
        agree(pod("1", "2Gi", Map.of("disk", "ssd")), used(2, "1", "2Gi"), List.of());
        agree(pod("500m", "1Gi", Map.of("disk", "hdd")), NodeUsage.Total.NONE,
                List.of("node(s) didn't match Pod's node affinity/selector"));
        agree(pod("100m", "1Mi", null), used(3, "0", "0"), List.of("Too many pods"));
        agree(pod("1500m", "1Gi", null), used(1, "600m", "0"), List.of("Insufficient cpu"));
        agree(pod("1", "3Gi", null), used(1, "1", "2Gi"), List.of("Insufficient memory"));
        // as kube-scheduler: what the pod does not request cannot be short, even on an overcommitted node
        agree(pod("0", "0", null), used(1, "3", "5Gi"), List.of());
    }
}
