package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the pods bound to each node request, kept up to date from pod events (and from the
 * scheduler's own bindings before their events arrive, as kube-scheduler "assumes" a pod), so
 * fitting a pod costs a lookup per node instead of a walk over every pod of the cluster.
 * Thread-safe: the pod informer's thread and the controllers' thread both use it.
 */
final class NodeUsage {

    /**
     * What a node's bound pods request in total: as requested (cpu in cores, memory in bytes), and as
     * the scheduler's scoring counts it, a container without a request as 100m and 200Mi.
     */
    record Total(int pods, BigDecimal cpu, BigDecimal memory, long scoredMilliCpu, long scoredMemory) {

        static final Total NONE = new Total(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

        Total plus(Share s, int sign) {
            BigDecimal factor = BigDecimal.valueOf(sign);
            return new Total(pods + sign, cpu.add(s.cpu().multiply(factor)), memory.add(s.memory().multiply(factor)),
                    scoredMilliCpu + sign * s.scoredMilliCpu(), scoredMemory + sign * s.scoredMemory());
        }
    }

    /**
     * One pod's requests where it is bound, and the uid of its controller (null for none);
     * {@code assumed} until its binding has been seen.
     */
    private record Share(String node, BigDecimal cpu, BigDecimal memory, long scoredMilliCpu, long scoredMemory,
            String owner, boolean assumed) {

        static Share of(Pod pod, String node, boolean assumed) {
            return new Share(node, Resources.request(pod, "cpu"), Resources.request(pod, "memory"),
                    Resources.scoredMilliCpu(pod), Resources.scoredMemory(pod), controllerUid(pod), assumed);
        }

        Share seen() {
            return new Share(node, cpu, memory, scoredMilliCpu, scoredMemory, owner, false);
        }
    }

    private final Map<String, Share> shares = new HashMap<>();
    private final Map<String, Total> totals = new HashMap<>();
    /** How many pods of each controller (by uid) each node holds, for the topology spread score. */
    private final Map<String, Map<String, Integer>> siblings = new HashMap<>();

    /** Counts the pod where it is bound, or not at all when it is unbound or has finished. */
    synchronized void observe(Pod pod) {
        String uid = pod.getMetadata().getUid();
        String node = pod.getSpec().getNodeName();
        boolean counts = ObjectLifecycle.isBound(pod) && !ObjectLifecycle.isFinished(pod);
        Share current = shares.get(uid);
        if (counts && current != null && current.node().equals(node)) {
            shares.put(uid, current.seen());
            return;
        }
        boolean unboundNews = node == null || node.isEmpty();
        if (unboundNews && current != null && current.assumed()) {
            return; // an event older than our binding
        }
        forget(uid);
        if (counts) {
            add(uid, Share.of(pod, node, false));
        }
    }

    /** The scheduler bound the pod: count it there before its event arrives. */
    synchronized void assume(Pod pod, String node) {
        forget(pod.getMetadata().getUid());
        add(pod.getMetadata().getUid(), Share.of(pod, node, true));
    }

    synchronized void forget(String uid) {
        Share old = shares.remove(uid);
        if (old != null) {
            totals.merge(old.node(), Total.NONE, (t, none) -> t.plus(old, -1));
            Map<String, Integer> byNode = old.owner() == null ? null : siblings.get(old.owner());
            if (byNode != null) {
                byNode.computeIfPresent(old.node(), (n, count) -> count > 1 ? count - 1 : null);
                if (byNode.isEmpty()) {
                    siblings.remove(old.owner());
                }
            }
        }
    }

    synchronized Total on(String node) {
        return totals.getOrDefault(node, Total.NONE);
    }

    /** How many pods of the controller with that uid the node holds. */
    synchronized int siblingsOn(String owner, String node) {
        Map<String, Integer> byNode = siblings.get(owner);
        return byNode == null ? 0 : byNode.getOrDefault(node, 0);
    }

    private void add(String uid, Share share) {
        shares.put(uid, share);
        totals.merge(share.node(), Total.NONE.plus(share, 1), (t, one) -> t.plus(share, 1));
        if (share.owner() != null) {
            siblings.computeIfAbsent(share.owner(), o -> new HashMap<>()).merge(share.node(), 1, Integer::sum);
        }
    }

    static String controllerUid(Pod pod) {
        return pod.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(r -> r.getUid()).findFirst().orElse(null);
    }
}
