package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.statefulapps.kubernetes.LabelSelectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a pod fits a node, and why not in the scheduler plugins' words. {@link #fits} is the
 * cheap check the scheduler runs against node after node (the pod's requests and the node's
 * allocatable read once, not per node); {@link #misfits} words the reasons, needed only when no
 * node fits.
 */
final class NodeFit {

    /** What a node offers pods: read once per version of the node. */
    record Capacity(int pods, BigDecimal cpu, BigDecimal memory, long milliCpu, long memoryBytes) {

        static Capacity of(Node node) {
            var allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
            BigDecimal cpu = Resources.allocatable(allocatable, "cpu");
            BigDecimal memory = Resources.allocatable(allocatable, "memory");
            return new Capacity(Resources.allocatable(allocatable, "pods").intValue(), cpu, memory,
                    cpu.movePointRight(3).longValue(), memory.longValue());
        }
    }

    /** What a pod asks for, as requested and as scoring counts it: read once per scheduling attempt. */
    record Requests(BigDecimal cpu, BigDecimal memory, long scoredMilliCpu, long scoredMemory) {

        static Requests of(Pod pod) {
            return new Requests(Resources.request(pod, "cpu"), Resources.request(pod, "memory"),
                    Resources.scoredMilliCpu(pod), Resources.scoredMemory(pod));
        }
    }

    private NodeFit() {
    }

    /** True exactly when {@link #misfits} would find no reason. */
    static boolean fits(Pod pod, Requests wanted, Node node, Capacity capacity, NodeUsage.Total used) {
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null && !LabelSelectors.matches(selector, node.getMetadata().getLabels())) {
            return false;
        }
        return used.pods() + 1 <= capacity.pods() && !exceeds(used.cpu(), wanted.cpu(), capacity.cpu())
                && !exceeds(used.memory(), wanted.memory(), capacity.memory());
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

    /** As NodeResourcesFit's fitsRequest: a resource the pod does not request cannot be insufficient. */
    private static boolean exceeds(BigDecimal used, BigDecimal wanted, BigDecimal allocatable) {
        return wanted.signum() > 0 && used.add(wanted).compareTo(allocatable) > 0;
    }
}
