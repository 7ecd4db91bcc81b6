package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.time.Instant;

/**
 * What the rules need to know about a node one of the app's pods runs on (a trimmed copy, so the
 * snapshot need not hold Node objects).
 *
 * @param ready          the Ready condition's status: {@code True}, {@code False}, {@code Unknown}
 *                       (the node lifecycle controller's word for "stopped reporting"), {@code null} when absent
 * @param reason         the Ready condition's reason ({@code NodeStatusUnknown}, {@code KubeletNotReady}…)
 * @param message        the Ready condition's message
 * @param readyChangedAt the Ready condition's last transition
 */
public record NodeInfo(String name, String ready, String reason, String message, Instant readyChangedAt) {

    /** The trimmed copy of a node as an informer holds it. */
    public static NodeInfo of(Node node) {
        String name = node.getMetadata() == null ? null : node.getMetadata().getName();
        if (node.getStatus() != null && node.getStatus().getConditions() != null) {
            for (NodeCondition c : node.getStatus().getConditions()) {
                if ("Ready".equals(c.getType())) {
                    return new NodeInfo(name, c.getStatus(), c.getReason(), c.getMessage(),
                            Timestamps.parse(c.getLastTransitionTime()));
                }
            }
        }
        return new NodeInfo(name, null, null, null, null);
    }

    /** A node that has not said it is ready is not trusted to run the pod. */
    public boolean isReady() {
        return "True".equals(ready);
    }
}
