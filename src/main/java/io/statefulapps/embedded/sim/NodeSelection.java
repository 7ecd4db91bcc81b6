package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where kube-scheduler puts a pod: among the nodes it fits, the one {@link NodeScore} and, for a
 * pod with a controller, {@link HostnameSpread} rank highest together. As kube-scheduler, in a cluster of 100 nodes or more it stops looking once it has found
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
    private static final String HOSTNAME = "kubernetes.io/hostname";

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
        List<Candidate> feasible = new ArrayList<>();
        List<Long> scores = new ArrayList<>();
        for (; visited < count && feasible.size() < wantedFeasible; visited++) {
            Candidate c = candidates.get((start + visited) % count);
            if (pinned.isPresent() && !pinned.get().equals(c.name())) {
                continue;
            }
            NodeUsage.Total used = usage.on(c.name());
            if (NodeFit.fits(pod, wanted, c.node(), c.capacity(), used)) {
                feasible.add(c);
                scores.add(NodeScore.of(wanted, c.capacity(), used));
            }
        }
        nextStart = count == 0 ? 0 : (start + visited) % count;
        long[] spread = spread(pod, feasible);
        Candidate best = null;
        long bestScore = -1;
        for (int i = 0; i < feasible.size(); i++) {
            Candidate c = feasible.get(i);
            long score = scores.get(i) + (spread == null ? 0 : HostnameSpread.WEIGHT * spread[i]);
            if (score > bestScore || score == bestScore && c.name().compareTo(best.name()) < 0) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Candidate::name);
    }

    /** The topology spread scores of the feasible nodes; null when the default constraints do not apply. */
    private long[] spread(Pod pod, List<Candidate> feasible) {
        String owner = NodeUsage.controllerUid(pod);
        if (owner == null || !pod.getSpec().getTopologySpreadConstraints().isEmpty()) {
            return null; // its own constraints are not simulated; without a controller there is nothing to spread
        }
        int[] siblings = new int[feasible.size()];
        for (int i = 0; i < siblings.length; i++) {
            Candidate c = feasible.get(i);
            boolean labelled = c.node().getMetadata().getLabels().containsKey(HOSTNAME);
            siblings[i] = labelled ? usage.siblingsOn(owner, c.name()) : -1;
        }
        return HostnameSpread.scores(siblings);
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
