package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

/** A node's Ready condition as the control plane reads it. */
final class NodeReadiness {

    private NodeReadiness() {
    }

    /** The Ready condition's status: True, False or Unknown (Unknown when there is none). */
    static String of(Node node) {
        if (node.getStatus() != null) {
            for (NodeCondition c : node.getStatus().getConditions()) {
                if ("Ready".equals(c.getType())) {
                    return c.getStatus() == null ? "Unknown" : c.getStatus();
                }
            }
        }
        return "Unknown";
    }

    static boolean isReady(Node node) {
        return "True".equals(of(node));
    }

    /** Ready and not cordoned: where the scheduler may bind a pod. */
    static boolean acceptsPods(Node node) {
        return isReady(node) && !Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable());
    }
}
