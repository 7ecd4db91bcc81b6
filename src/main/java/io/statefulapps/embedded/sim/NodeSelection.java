package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;

/**
 * Where kube-scheduler puts a pod: among the nodes it fits, the one {@link NodeScore} ranks
 * highest. As kube-scheduler, in a cluster of 100 nodes or more it stops looking once it has found
 * its adaptive share of feasible nodes (percentageOfNodesToScore left at its default), and the
 * next pod's search starts where this one's ended; so a pod costs at most a bounded number of
 * scores, not one per node. Where kube-scheduler draws among equal scores, the first node by name
 * wins: placements stay reproducible.
 */
final class NodeSelection {

    /** A node that accepts pods, with what it offers worked out once. */
    record Candidate(Node node, NodeFit.Capacity capacity) {

        String name() {
            return node.getMetadata().getName();
        }
    }

    // kube-scheduler's minFeasibleNodesToFind and minFeasibleNodesPercentageToFind
    private static final int MIN_FEASIBLE = 100;
    private static final int MIN_PERCENTAGE = 5;

    private final NodeUsage usage;
    private int nextStart;

    NodeSelection(NodeUsage usage) {
        this.usage = usage;
    }

    /** The node for the pod among the candidates (sorted by name), restricted to {@code pinned} if given. */
    Optional<String> choose(Pod pod, NodeFit.Requests wanted, List<Candidate> candidates, Optional<String> pinned) {
        int count = candidates.size();
        int wantedFeasible = feasibleToFind(count);
        int start = count == 0 ? 0 : nextStart % count;
        int visited = 0;
        int feasible = 0;
        Candidate best = null;
        long bestScore = -1;
        for (; visited < count && feasible < wantedFeasible; visited++) {
            Candidate c = candidates.get((start + visited) % count);
            if (pinned.isPresent() && !pinned.get().equals(c.name())) {
                continue;
            }
            NodeUsage.Total used = usage.on(c.name());
            if (!NodeFit.fits(pod, wanted, c.node(), c.capacity(), used)) {
                continue;
            }
            feasible++;
            long score = NodeScore.of(wanted, c.capacity(), used);
            if (score > bestScore || score == bestScore && c.name().compareTo(best.name()) < 0) {
                best = c;
                bestScore = score;
            }
        }
        nextStart = count == 0 ? 0 : (start + visited) % count;
        return Optional.ofNullable(best).map(Candidate::name);
    }

    /** kube-scheduler's numFeasibleNodesToFind with the adaptive percentage. */
    static int feasibleToFind(int nodes) {
        if (nodes < MIN_FEASIBLE) {
            return nodes;
        }
        int percentage = Math.max(MIN_PERCENTAGE, 50 - nodes / 125);
        return Math.max(MIN_FEASIBLE, nodes * percentage / 100);
    }
}
