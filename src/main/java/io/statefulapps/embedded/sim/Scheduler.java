package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plays kube-scheduler: binds each unscheduled pod to the first Ready node whose labels match its
 * nodeSelector and whose allocatable cpu, memory and pod count still hold its requests. Pods that
 * fit nowhere stay Pending with the scheduler's own {@code Unschedulable} wording and a
 * {@code FailedScheduling} event. Claims with WaitForFirstConsumer get the chosen node as
 * {@code volume.kubernetes.io/selected-node}; the pod is bound once they are.
 */
final class Scheduler implements Controller {

    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    private static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final Clock clock;

    Scheduler(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
    }

    @Override
    public void reconcile() {
        List<Node> nodes = informers.nodes.getStore().list().stream().filter(Scheduler::isReady)
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        List<Pod> pending = new ArrayList<>();
        for (Pod pod : informers.pods.getStore().list()) {
            String node = pod.getSpec().getNodeName();
            if (node != null && !node.isEmpty()) {
                podsByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod);
            } else if (!ObjectLifecycle.isTerminating(pod)) {
                pending.add(pod);
            }
        }
        pending.sort(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp() == null ? ""
                : p.getMetadata().getCreationTimestamp()));
        for (Pod pod : pending) {
            schedule(pod, nodes, podsByNode);
        }
    }

    private void schedule(Pod pod, List<Node> nodes, Map<String, List<Pod>> podsByNode) {
        String namespace = pod.getMetadata().getNamespace();
        List<PersistentVolumeClaim> waiting = new ArrayList<>();
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() == null) {
                continue;
            }
            String claimName = v.getPersistentVolumeClaim().getClaimName();
            Optional<PersistentVolumeClaim> claim = ClusterInformers.get(informers.claims, namespace, claimName);
            if (claim.isEmpty()) {
                unschedulable(pod, nodes.size(), "persistentvolumeclaim \"" + claimName + "\" not found", NOT_HELPFUL);
                return;
            }
            if (!"Bound".equals(claim.get().getStatus() == null ? null : claim.get().getStatus().getPhase())) {
                if (!isWaitForFirstConsumer(claim.get())) {
                    unschedulable(pod, nodes.size(), "pod has unbound immediate PersistentVolumeClaims", NOT_HELPFUL);
                    return;
                }
                waiting.add(claim.get());
            }
        }
        // a claim already given a node pins the pod there
        Optional<String> pinned = waiting.stream().map(c -> c.getMetadata().getAnnotations().get(SELECTED_NODE))
                .filter(n -> n != null).findFirst();
        TreeMap<String, Integer> reasons = new TreeMap<>();
        boolean onlyResources = true;
        for (Node node : nodes) {
            if (pinned.isPresent() && !pinned.get().equals(node.getMetadata().getName())) {
                continue;
            }
            List<String> misfits = NodeFit.misfits(pod, node, podsByNode.getOrDefault(node.getMetadata().getName(), List.of()));
            if (misfits.isEmpty()) {
                bindOrWait(pod, node, waiting, podsByNode);
                return;
            }
            for (String reason : misfits) {
                reasons.merge(reason, 1, Integer::sum);
                onlyResources &= reason.startsWith("Insufficient") || reason.startsWith("Too many");
            }
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, count) -> parts.add(count + " " + reason));
        parts.sort(null);
        String preemption = onlyResources ? "No preemption victims found for incoming pod" : NOT_HELPFUL;
        unschedulable(pod, nodes.size(), String.join(", ", parts), preemption);
    }

    private void bindOrWait(Pod pod, Node node, List<PersistentVolumeClaim> waiting, Map<String, List<Pod>> podsByNode) {
        String nodeName = node.getMetadata().getName();
        podsByNode.computeIfAbsent(nodeName, n -> new ArrayList<>()).add(pod); // holds its room this pass
        if (!waiting.isEmpty()) {
            for (PersistentVolumeClaim claim : waiting) {
                if (!claim.getMetadata().getAnnotations().containsKey(SELECTED_NODE)) {
                    String patch = "{\"metadata\":{\"annotations\":{\"" + SELECTED_NODE + "\":\"" + nodeName + "\"}}}";
                    writer.attempt(() -> client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                            .withName(claim.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
                }
            }
            return; // bound once the provisioner has bound the claims
        }
        String patch = "{\"spec\":{\"nodeName\":\"" + nodeName + "\"}}";
        writer.attempt(() -> client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        events.record(pod, EventRecorder.NORMAL, "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace()
                + "/" + pod.getMetadata().getName() + " to " + nodeName, "default-scheduler", null);
    }

    private void unschedulable(Pod pod, int nodeCount, String reasons, String preemption) {
        String message = "0/" + nodeCount + " nodes are available: " + reasons + ". preemption: 0/" + nodeCount
                + " nodes are available: " + nodeCount + " " + preemption + ".";
        var current = PodConditions.get(pod, "PodScheduled");
        if (current != null && message.equals(current.getMessage())) {
            return;
        }
        Pod copy = new PodBuilder(pod).editOrNewStatus().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable").withMessage(message)
                .withLastTransitionTime(TimeFormats.rfc3339(clock.instant())).build()).endStatus().build();
        writer.attempt(() -> client.resource(copy).updateStatus());
        events.record(pod, EventRecorder.WARNING, "FailedScheduling", message, "default-scheduler", null);
    }

    private boolean isWaitForFirstConsumer(PersistentVolumeClaim claim) {
        String name = claim.getSpec().getStorageClassName();
        Optional<StorageClass> sc = name == null ? VolumeProvisioner.defaultClass(informers)
                : ClusterInformers.get(informers.storageClasses, null, name);
        return sc.map(s -> "WaitForFirstConsumer".equals(s.getVolumeBindingMode())).orElse(false);
    }

    private static boolean isReady(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                && !Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable());
    }

}
