package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays kube-controller-manager's node lifecycle and taint eviction controllers. When a node's
 * Ready condition turns Unknown or False (someone patched it: the simulated kubelets never do),
 * the node gets the NoSchedule and NoExecute taints, its pods get Ready False (on an unreachable
 * node also the pod reason {@code NodeLost}) with a {@code NodeNotReady} event, and once
 * {@code podEvictionTimeout} has passed they are marked for deletion (DisruptionTarget, then a
 * graceful delete). Their kubelet is gone, so nobody confirms the deletion: they stay Terminating
 * until the node is Ready again, when the kubelet finishes the deletion and reports the rest anew.
 */
final class NodeLifecycleController extends KindController<Node> {

    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String NOT_READY = "node.kubernetes.io/not-ready";
    private static final EventRecorder.Source SOURCE = EventRecorder.Source.of("node-controller");
    private static final EventRecorder.Source EVICTION = EventRecorder.Source.of("taint-eviction-controller");

    /** When each node was first seen not Ready, by name. */
    private final Map<String, Instant> notReadySince = new ConcurrentHashMap<>();

    NodeLifecycleController(ControllerContext context) {
        super(context, context.informers().nodes);
        lookAtEveryChange();
    }

    @Override
    Instant reconcile(String name, Node node) {
        if (node == null) {
            notReadySince.remove(name);
            return null;
        }
        String ready = NodeReadiness.of(node);
        Instant now = clock.instant();
        if ("True".equals(ready)) {
            notReadySince.remove(name);
            taint(node, null);
            return null;
        }
        boolean firstSeen = !notReadySince.containsKey(name);
        Instant since = notReadySince.computeIfAbsent(name, n -> now);
        if (firstSeen) {
            events.record(node, EventRecorder.NORMAL, "NodeNotReady", "Node " + name + " status is now: NodeNotReady",
                    SOURCE);
        }
        taint(node, "Unknown".equals(ready) ? UNREACHABLE : NOT_READY);
        Instant evictAt = since.plus(settings.podEvictionTimeout());
        for (Pod pod : informers.podsOnNode(name)) {
            Pod current = informers.get(informers.pods, ClusterInformers.keyOf(pod)).orElse(pod);
            if (ObjectLifecycle.isTerminating(current)) {
                continue;
            }
            if (now.isBefore(evictAt)) {
                markNotReady(current, name, "Unknown".equals(ready));
            } else {
                evict(current);
            }
        }
        return now.isBefore(evictAt) ? evictAt : null;
    }

    /** The taints a not-Ready node carries (none when {@code key} is null); written only when they differ. */
    private void taint(Node node, String key) {
        List<Taint> kept = new ArrayList<>();
        for (Taint t : node.getSpec() == null ? List.<Taint>of() : node.getSpec().getTaints()) {
            if (!UNREACHABLE.equals(t.getKey()) && !NOT_READY.equals(t.getKey())) {
                kept.add(t);
            }
        }
        List<Taint> wanted = new ArrayList<>(kept);
        if (key != null) {
            String added = TimeFormats.rfc3339(clock.instant());
            wanted.add(new TaintBuilder().withKey(key).withEffect("NoSchedule").build());
            wanted.add(new TaintBuilder().withKey(key).withEffect("NoExecute").withTimeAdded(added).build());
        }
        List<Taint> current = node.getSpec() == null ? List.of() : node.getSpec().getTaints();
        if (!sameTaints(current, wanted)) {
            writer.mergePatch(node, "{\"spec\":{\"taints\":" + Serialization.asJson(wanted) + "}}");
        }
    }

    private static boolean sameTaints(List<Taint> a, List<Taint> b) {
        return a.size() == b.size() && a.stream().allMatch(t -> b.stream().anyMatch(o ->
                o.getKey().equals(t.getKey()) && o.getEffect().equals(t.getEffect())));
    }

    /** As MarkPodsNotReady: Ready False, once; on an unreachable node also the reason NodeLost. */
    private void markNotReady(Pod pod, String node, boolean unreachable) {
        PodCondition ready = PodConditions.get(pod, "Ready");
        boolean marked = ready == null || !"True".equals(ready.getStatus());
        if (marked && (!unreachable || "NodeLost".equals(pod.getStatus().getReason()))) {
            return;
        }
        PodStatus status = copyOfStatus(pod);
        if (ready != null && "True".equals(ready.getStatus())) {
            status.getConditions().replaceAll(c -> c.getType().equals("Ready") ? new PodConditionBuilder(c)
                    .withStatus("False").withLastTransitionTime(TimeFormats.rfc3339(clock.instant())).build() : c);
        }
        if (unreachable) {
            status.setReason("NodeLost");
            status.setMessage("Node " + node + " which was running pod " + pod.getMetadata().getName()
                    + " is unresponsive");
        }
        if (writer.updateStatus(new PodBuilder(pod).withStatus(status).build()).ok() && !marked) {
            events.record(pod, EventRecorder.WARNING, "NodeNotReady", "Node is not ready", SOURCE);
        }
    }

    /** As the taint eviction controller: the DisruptionTarget condition, then a graceful delete. */
    private void evict(Pod pod) {
        if (PodConditions.get(pod, "DisruptionTarget") == null) {
            PodCondition target = new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
                    .withReason("DeletionByTaintManager").withMessage("Taint manager: deleting due to NoExecute taint")
                    .withLastTransitionTime(TimeFormats.rfc3339(clock.instant())).build();
            PodStatus status = copyOfStatus(pod);
            status.getConditions().add(target);
            writer.updateStatus(new PodBuilder(pod).withStatus(status).build());
        }
        events.record(pod, EventRecorder.NORMAL, "TaintManagerEviction", "Marking for deletion Pod "
                + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), EVICTION);
        writer.delete(pod, null);
    }

    private static PodStatus copyOfStatus(Pod pod) {
        PodStatus status = new PodBuilder(pod).build().getStatus();
        return status == null ? new PodStatus() : status;
    }
}
