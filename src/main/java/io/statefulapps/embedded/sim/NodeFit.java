package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.statefulapps.kubernetes.LabelSelectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Why a pod does not fit a node, in the scheduler plugins' words (empty when it fits). */
final class NodeFit {

    private NodeFit() {
    }

    static List<String> misfits(Pod pod, Node node, NodeUsage.Total used) {
        List<String> reasons = new ArrayList<>();
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null && !LabelSelectors.matches(selector, node.getMetadata().getLabels())) {
            reasons.add("node(s) didn't match Pod's node affinity/selector");
            return reasons;
        }
        var allocatable = node.getStatus().getAllocatable();
        if (used.pods() + 1 > Resources.allocatable(allocatable, "pods").intValue()) {
            reasons.add("Too many pods");
        }
        if (exceeds(used.cpu(), Resources.request(pod, "cpu"), Resources.allocatable(allocatable, "cpu"))) {
            reasons.add("Insufficient cpu");
        }
        if (exceeds(used.memory(), Resources.request(pod, "memory"), Resources.allocatable(allocatable, "memory"))) {
            reasons.add("Insufficient memory");
        }
        return reasons;
    }

    private static boolean exceeds(BigDecimal used, BigDecimal wanted, BigDecimal allocatable) {
        return used.add(wanted).compareTo(allocatable) > 0;
    }
}
