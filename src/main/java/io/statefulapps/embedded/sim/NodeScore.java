package io.statefulapps.embedded.sim;

import java.math.BigDecimal;

/**
 * How kube-scheduler's default profile ranks the nodes a pod fits, as far as the simulation has
 * the inputs: NodeResourcesFit with LeastAllocated (on the non-zero requests, so pods without
 * requests spread too) plus NodeResourcesBalancedAllocation (on the requests as given), cpu and
 * memory weighted alike, each from 0 to 100. Plugins whose input the simulation lacks (images,
 * affinities, topology spread) would add the same to every node.
 */
final class NodeScore {

    private static final long MAX = 100;

    private NodeScore() {
    }

    static long of(NodeFit.Requests wanted, NodeFit.Capacity capacity, NodeUsage.Total used) {
        return leastAllocated(wanted, capacity, used) + balanced(wanted, capacity, used);
    }

    static long leastAllocated(NodeFit.Requests wanted, NodeFit.Capacity capacity, NodeUsage.Total used) {
        long cpu = free(used.scoredMilliCpu() + wanted.scoredMilliCpu(), capacity.milliCpu());
        long memory = free(used.scoredMemory() + wanted.scoredMemory(), capacity.memoryBytes());
        return (cpu + memory) / 2;
    }

    static long balanced(NodeFit.Requests wanted, NodeFit.Capacity capacity, NodeUsage.Total used) {
        if (used.cpu().signum() == 0 && used.memory().signum() == 0 && wanted.cpu().signum() == 0
                && wanted.memory().signum() == 0) {
            return MAX; // nothing requested: no deviation (the common case of pods without requests)
        }
        double cpu = fraction(used.cpu().add(wanted.cpu()), capacity.cpu());
        double memory = fraction(used.memory().add(wanted.memory()), capacity.memory());
        if (Double.isNaN(cpu) || Double.isNaN(memory)) {
            return MAX; // a resource the node does not offer is left out; one left has no deviation
        }
        double deviation = Math.abs(cpu - memory) / 2;
        return (long) ((1 - deviation) * MAX);
    }

    private static long free(long requested, long capacity) {
        return capacity == 0 || requested > capacity ? 0 : (capacity - requested) * MAX / capacity;
    }

    /** The share of the node requested, at most 1; NaN when the node offers none. */
    private static double fraction(BigDecimal requested, BigDecimal capacity) {
        if (capacity.signum() == 0) {
            return Double.NaN;
        }
        return Math.min(1, requested.doubleValue() / capacity.doubleValue());
    }
}
