package io.statefulapps.embedded.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * A number per node, stable for the life of the simulator, in the order nodes are first asked
 * about: the kubelet's pod range and the node's InternalIP both derive from it, so a pod's hostIP
 * is its node's address whichever of the two was worked out first.
 */
final class NodeNumbers {

    private final Map<String, Integer> numbers = new HashMap<>();

    synchronized int of(String node) {
        return numbers.computeIfAbsent(node, n -> numbers.size());
    }

    /** The node's InternalIP, on kind's node network (172.18.0.2 for the first node). */
    String internalIp(String node) {
        int n = of(node);
        return "172.18." + (n / 250) + "." + (n % 250 + 2);
    }
}
