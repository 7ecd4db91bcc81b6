package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays the kubelet of every node: gives bound pods an IP, runs init containers then containers
 * (with the faults of {@link ImageFault}), reports Ready after podReadyDelay, and removes pods
 * that are being deleted. Status goes through the status subresource, only when it changed.
 */
final class Kubelet implements Controller {

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final Clock clock;
    private final PodStatusFactory statuses;
    private final KubeletEvents events;
    private final Map<String, PodStatusFactory.Placement> placements = new HashMap<>();
    private final Map<String, Integer> nextHostOctet = new HashMap<>();
    private final Set<String> usedIps = new HashSet<>();
    private final SimulatorSettings settings;
    /** Pods whose status can no longer change, by uid, with the resourceVersion last checked. */
    private final Map<String, String> settled = new HashMap<>();

    Kubelet(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.clock = context.clock();
        this.settings = context.settings();
        this.statuses = new PodStatusFactory(settings);
        this.events = new KubeletEvents(context.events(), settings);
    }

    @Override
    public void reconcile() {
        Instant now = clock.instant();
        List<Node> nodes = informers.nodes.getStore().list().stream()
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
        Set<String> live = new HashSet<>();
        for (Pod pod : informers.pods.getStore().list()) {
            String nodeName = pod.getSpec().getNodeName();
            if (nodeName == null || nodeName.isEmpty()) {
                continue;
            }
            if (ObjectLifecycle.isTerminating(pod)) {
                // the kubelet has stopped the containers; confirm the deletion
                writer.attempt(() -> client.pods().inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName()).withGracePeriod(0).delete());
                continue;
            }
            int nodeIndex = indexOf(nodes, nodeName);
            if (nodeIndex < 0) {
                continue; // no such node: nobody runs it, as in a real cluster
            }
            String uid = pod.getMetadata().getUid();
            live.add(uid);
            if (pod.getMetadata().getResourceVersion().equals(settled.get(uid))) {
                continue; // nothing left to happen to this pod; skip the work (thousands of pods per tick)
            }
            PodStatusFactory.Placement placement = placements.computeIfAbsent(uid,
                    u -> place(pod, nodes.get(nodeIndex), nodeIndex, now));
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            PodStatus desired = statuses.statusAt(pod, placement, now);
            if (!desired.equals(pod.getStatus())) {
                Pod copy = new PodBuilder(pod).withStatus(desired).build();
                writer.attempt(() -> client.resource(copy).updateStatus());
            }
            events.emit(pod, nodeName, placement, now);
            if (desired.equals(pod.getStatus()) && isFinal(pod, placement, now)) {
                settled.put(uid, pod.getMetadata().getResourceVersion());
            }
        }
        settled.keySet().retainAll(live);
        placements.keySet().removeIf(uid -> {
            if (live.contains(uid)) {
                return false;
            }
            usedIps.remove(placements.get(uid).podIP());
            events.forget(uid);
            return true;
        });
    }

    /** True once every timed step of this pod lies behind us (crash loops never end). */
    private boolean isFinal(Pod pod, PodStatusFactory.Placement placement, Instant now) {
        boolean crashes = java.util.stream.Stream.concat(pod.getSpec().getInitContainers().stream(),
                pod.getSpec().getContainers().stream()).anyMatch(c -> ImageFault.of(c.getImage()).crashes());
        java.time.Duration tail = settings.podReadyDelay().compareTo(settings.crashLoopBackoff()) > 0
                ? settings.podReadyDelay() : settings.crashLoopBackoff();
        Instant last = placement.boundAt().plus(settings.podStartDelay().multipliedBy(1L + pod.getSpec().getInitContainers().size()))
                .plus(tail);
        return !crashes && now.isAfter(last);
    }

    private PodStatusFactory.Placement place(Pod pod, Node node, int nodeIndex, Instant now) {
        var status = pod.getStatus();
        Instant boundAt = status != null && status.getStartTime() != null ? Instant.parse(status.getStartTime()) : now;
        String ip = status != null && status.getPodIP() != null ? status.getPodIP() : allocateIp(node, nodeIndex);
        usedIps.add(ip);
        return new PodStatusFactory.Placement(boundAt, ip, hostIp(node, nodeIndex));
    }

    /** 10.244.<node>.<n>, the node's pod CIDR as kubeadm/kind would hand out. */
    private String allocateIp(Node node, int nodeIndex) {
        String name = node.getMetadata().getName();
        for (int attempt = 0; attempt < 254; attempt++) {
            int octet = nextHostOctet.merge(name, 1, (a, b) -> a % 253 + 1) + 1;
            String ip = "10.244." + nodeIndex + "." + octet;
            if (!usedIps.contains(ip)) {
                return ip;
            }
        }
        throw new IllegalStateException("node " + name + " has no free pod IP");
    }

    private static String hostIp(Node node, int nodeIndex) {
        if (node.getStatus() != null) {
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    return a.getAddress();
                }
            }
        }
        return "172.18.0." + (nodeIndex + 2);
    }

    private static int indexOf(List<Node> nodes, String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getMetadata().getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
