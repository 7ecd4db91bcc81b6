package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * A pod on a node that is NotReady or unreachable. What is special for a StatefulSet: the
 * controller will not start a replacement while the old pod may still run (one pod per identity),
 * so the pod stays until the node comes back or a person deletes it by force.
 */
final class NodeAssessor {

    private NodeAssessor() {
    }

    static Optional<Finding> assess(Pod pod, AssessmentContext context) {
        String nodeName = PodReads.nodeName(pod);
        NodeInfo node = nodeName == null ? null : context.snapshot().nodes().get(nodeName);
        String phase = PodReads.phase(pod);
        if (node == null || node.isReady() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
            return Optional.empty();
        }
        String state = node.ready() == null ? "has not reported Ready"
                : "Unknown".equals(node.ready()) ? "is unreachable (Ready=Unknown)" : "is NotReady (Ready=" + node.ready() + ")";
        String since = node.readyChangedAt() == null ? "" : " since " + node.readyChangedAt();
        String why = node.message() == null || node.message().isBlank() ? "" : ": " + node.message();
        String podName = MetadataReads.name(pod);
        return Optional.of(Finding.of(Reason.NodeNotReady, "Pod/" + podName,
                "node " + nodeName + " " + state + since + why,
                replacementHint(podName, nodeName, context.kubectl())).since(node.readyChangedAt()));
    }

    /** How a StatefulSet pod on a lost node comes back, and what forcing it risks; short enough for one chat line. */
    static String replacementHint(String pod, String node, Kubectl kubectl) {
        return "a StatefulSet pod is not replaced while node " + node + " is away: it returns with the node, or once deleted"
                + " by force (kubectl -n " + kubectl.namespace() + " delete pod " + pod + " --grace-period=0 --force),"
                + " safe only if the node is really down: if merely cut off, the old pod may run on beside the new (split brain)";
    }
}
