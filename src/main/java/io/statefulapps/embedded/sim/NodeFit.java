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

    static List<String> misfits(Pod pod, Node node, List<Pod> onNode) {
        List<String> reasons = new ArrayList<>();
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null && !LabelSelectors.matches(selector, node.getMetadata().getLabels())) {
            reasons.add("node(s) didn't match Pod's node affinity/selector");
            return reasons;
        }
        var allocatable = node.getStatus().getAllocatable();
        List<Pod> active = onNode.stream().filter(p -> !isTerminal(p)).toList();
        if (active.size() + 1 > Resources.allocatable(allocatable, "pods").intValue()) {
            reasons.add("Too many pods");
        }
        for (String resource : new String[] {"cpu", "memory"}) {
            BigDecimal used = active.stream().map(p -> Resources.request(p, resource)).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (used.add(Resources.request(pod, resource)).compareTo(Resources.allocatable(allocatable, resource)) > 0) {
                reasons.add("Insufficient " + resource);
            }
        }
        return reasons;
    }

    private static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
