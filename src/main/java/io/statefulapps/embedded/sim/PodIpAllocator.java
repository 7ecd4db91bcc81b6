package io.statefulapps.embedded.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pod IPs as a kubeadm or kind cluster hands them out: node number n (in the order nodes are first
 * seen) gets the /24 {@code 10.244.n.0}, and a node that runs more pods than a /24 holds gets
 * further /24s from {@code 10.246.0.0} on. Released addresses are used again once the node's
 * ranges have all been handed out, the longest-released first.
 */
final class PodIpAllocator {

    private static final int HOSTS_PER_BLOCK = 253; // .2 to .254
    private static final int FIRST_SHARED_BLOCK = 512;

    private static final class NodeRange {
        final List<Integer> blocks = new ArrayList<>();
        final Deque<String> released = new ArrayDeque<>();
        int handedOut;
    }

    private final Map<String, NodeRange> ranges = new HashMap<>();
    private final NodeNumbers nodeNumbers;
    private final Set<String> used = new HashSet<>();
    private int nextSharedBlock = FIRST_SHARED_BLOCK;

    PodIpAllocator() {
        this(new NodeNumbers());
    }

    PodIpAllocator(NodeNumbers nodeNumbers) {
        this.nodeNumbers = nodeNumbers;
    }

    String allocate(String node) {
        NodeRange range = ranges.computeIfAbsent(node, n -> {
            NodeRange r = new NodeRange();
            int number = nodeNumbers.of(node);
            r.blocks.add(number < FIRST_SHARED_BLOCK ? number : nextSharedBlock++);
            return r;
        });
        while (true) {
            int k = range.handedOut;
            if (k / HOSTS_PER_BLOCK >= range.blocks.size()) {
                // the node's addresses are all handed out once: reuse the longest-released first
                String reused = range.released.pollFirst();
                if (reused != null) {
                    if (used.add(reused)) {
                        return reused;
                    }
                    continue;
                }
                range.blocks.add(nextSharedBlock++);
            }
            range.handedOut++;
            int block = range.blocks.get(k / HOSTS_PER_BLOCK);
            String ip = "10." + (244 + block / 256) + "." + (block % 256) + "." + (2 + k % HOSTS_PER_BLOCK);
            if (used.add(ip)) {
                return ip;
            }
        }
    }

    /** An address a pod already shows (e.g. written before the simulator restarted). */
    void reserve(String ip) {
        used.add(ip);
    }

    void release(String node, String ip) {
        if (used.remove(ip)) {
            NodeRange range = ranges.get(node);
            if (range != null) {
                range.released.addLast(ip);
            }
        }
    }
}
