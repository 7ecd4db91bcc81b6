package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the part of each kubelet that reports its node: status.addresses with an InternalIP and
 * the Hostname (as kubectl get nodes -o wide shows them), and conditions that say when they were
 * last heard of and last changed. What a node already reports is kept: only what is missing is
 * filled in, once, so a node costs one write when it appears and none after. The Ready status is
 * never touched (a lost node is one whose Ready someone set to Unknown), and there is no periodic
 * heartbeat: a settled cluster stays free of writes.
 */
final class NodeStatusReporter extends KindController<Node> {

    private final NodeNumbers nodeNumbers;

    NodeStatusReporter(ControllerContext context, NodeNumbers nodeNumbers) {
        super(context, context.informers().nodes);
        this.nodeNumbers = nodeNumbers;
        lookAtEveryChange();
    }

    @Override
    Instant reconcile(String name, Node node) {
        if (node == null) {
            return null;
        }
        nodeNumbers.of(name); // numbered in the order nodes appear, reported addresses or not
        List<NodeAddress> addresses = addresses(node);
        String now = TimeFormats.rfc3339(clock.instant());
        List<NodeCondition> conditions = conditions(node, now);
        if (addresses != null || conditions != null) {
            NodeBuilder updated = new NodeBuilder(node);
            if (addresses != null) {
                updated.editOrNewStatus().withAddresses(addresses).endStatus();
            }
            if (conditions != null) {
                updated.editOrNewStatus().withConditions(conditions).endStatus();
            }
            writer.updateStatus(updated.build());
        }
        return null;
    }

    /** The addresses with an InternalIP first and a Hostname, as the kubelet lists them; null when there are. */
    private List<NodeAddress> addresses(Node node) {
        List<NodeAddress> current = node.getStatus() == null ? List.of() : node.getStatus().getAddresses();
        boolean internal = current.stream().anyMatch(a -> "InternalIP".equals(a.getType()));
        boolean hostname = current.stream().anyMatch(a -> "Hostname".equals(a.getType()));
        if (internal && hostname) {
            return null;
        }
        String name = node.getMetadata().getName();
        List<NodeAddress> result = new ArrayList<>();
        if (!internal) {
            result.add(new NodeAddress(nodeNumbers.internalIp(name), "InternalIP"));
        }
        result.addAll(current);
        if (!hostname) {
            String label = node.getMetadata().getLabels().get("kubernetes.io/hostname");
            result.add(new NodeAddress(label == null ? name : label, "Hostname"));
        }
        return result;
    }

    /** The conditions with the times they lack set to now; null when none lacks one. */
    private static List<NodeCondition> conditions(Node node, String now) {
        List<NodeCondition> current = node.getStatus() == null ? List.of() : node.getStatus().getConditions();
        if (current.stream().allMatch(c -> isSet(c.getLastHeartbeatTime()) && isSet(c.getLastTransitionTime()))) {
            return null;
        }
        return current.stream().map(c -> new NodeConditionBuilder(c)
                .withLastHeartbeatTime(isSet(c.getLastHeartbeatTime()) ? c.getLastHeartbeatTime() : now)
                .withLastTransitionTime(isSet(c.getLastTransitionTime()) ? c.getLastTransitionTime() : now).build())
                .toList();
    }

    /** Go's zero time is how an unset time reads once serialized. */
    private static boolean isSet(String time) {
        return time != null && !time.isEmpty() && !time.startsWith("0001-01-01");
    }
}
