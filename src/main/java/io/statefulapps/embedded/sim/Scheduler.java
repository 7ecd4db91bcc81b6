package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Volume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays kube-scheduler: binds each unscheduled pod to the Ready node, among those whose labels
 * match its nodeSelector and whose allocatable cpu, memory and pod count still hold its requests,
 * that the default scoring prefers ({@link NodeSelection}): pods spread over the nodes. Pods that
 * fit nowhere stay Pending with the scheduler's own {@code Unschedulable} wording and a
 * {@code FailedScheduling} event, and are tried again when nodes, pods or claims change. Pods with
 * scheduling gates wait, {@code SchedulingGated}, until the gates are removed. Claims with
 * WaitForFirstConsumer get the chosen node as {@code volume.kubernetes.io/selected-node}; the pod
 * is bound once they are.
 */
final class Scheduler extends KindController<Pod> {

    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    private static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    private static final EventRecorder.Source SOURCE = EventRecorder.Source.of("default-scheduler");

    private final NodeUsage usage = new NodeUsage();
    private final NodeSelection selection = new NodeSelection(usage);
    /** Pods that fit nowhere, tried again when something that could make room changes. */
    private final Set<String> unschedulable = ConcurrentHashMap.newKeySet();

    private volatile List<NodeSelection.Candidate> readyNodes;

    Scheduler(ControllerContext context) {
        super(context, context.informers().pods, Scheduler::isUnbound);
        informers.onChange(informers.pods, this::podChanged);
        informers.onChange(informers.nodes, (before, after) -> {
            readyNodes = null;
            retryUnschedulable();
        });
        informers.onChange(informers.claims, (before, after) -> {
            PersistentVolumeClaim claim = after != null ? after : before;
            for (Pod pod : informers.podsMounting(claim.getMetadata().getNamespace(), claim.getMetadata().getName())) {
                if (isUnbound(pod)) {
                    queue().add(ClusterInformers.keyOf(pod));
                }
            }
        });
        informers.onChange(informers.storageClasses, (before, after) -> retryUnschedulable());
    }

    private void podChanged(Pod before, Pod after) {
        if (after == null) {
            usage.forget(before.getMetadata().getUid());
            unschedulable.remove(ClusterInformers.keyOf(before));
            if (ObjectLifecycle.isBound(before)) {
                retryUnschedulable(); // its room is free
            }
            return;
        }
        usage.observe(after);
        if (isUnbound(after)) {
            queue().add(ClusterInformers.keyOf(after));
        } else if (before != null && ObjectLifecycle.isBound(after) && ObjectLifecycle.isFinished(after)
                && !ObjectLifecycle.isFinished(before)) {
            retryUnschedulable();
        }
    }

    private void retryUnschedulable() {
        unschedulable.forEach(queue()::add);
    }

    private static boolean isUnbound(Pod pod) {
        return !ObjectLifecycle.isBound(pod) && !ObjectLifecycle.isTerminating(pod);
    }

    @Override
    Instant reconcile(String key, Pod pod) {
        if (pod == null || !isUnbound(pod)) {
            unschedulable.remove(key);
            return null;
        }
        if (!pod.getSpec().getSchedulingGates().isEmpty()) {
            pending(pod, "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates", false);
            return null;
        }
        schedule(key, pod);
        return null;
    }

    private void schedule(String key, Pod pod) {
        List<NodeSelection.Candidate> nodes = nodes();
        List<PersistentVolumeClaim> waiting = new ArrayList<>();
        String claimProblem = claimProblem(pod, waiting);
        if (claimProblem != null) {
            unschedulable(key, pod, nodes.size(), claimProblem, NOT_HELPFUL);
            return;
        }
        // a claim already given a node pins the pod there
        Optional<String> pinned = waiting.stream().map(c -> c.getMetadata().getAnnotations().get(SELECTED_NODE))
                .filter(n -> n != null).findFirst();
        // the reasons are worded only when no node fits
        Optional<String> chosen = selection.choose(pod, NodeFit.Requests.of(pod), nodes, pinned);
        if (chosen.isPresent()) {
            unschedulable.remove(key);
            bindOrWait(pod, chosen.get(), waiting);
            return;
        }
        TreeMap<String, Integer> reasons = new TreeMap<>();
        boolean onlyResources = true;
        for (NodeSelection.Candidate ready : nodes) {
            Node node = ready.node();
            if (pinned.isPresent() && !pinned.get().equals(node.getMetadata().getName())) {
                continue;
            }
            for (String reason : NodeFit.misfits(pod, node, usage.on(node.getMetadata().getName()))) {
                reasons.merge(reason, 1, Integer::sum);
                onlyResources &= reason.startsWith("Insufficient") || reason.startsWith("Too many");
            }
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, count) -> parts.add(count + " " + reason));
        parts.sort(null);
        String preemption = onlyResources ? "No preemption victims found for incoming pod" : NOT_HELPFUL;
        unschedulable(key, pod, nodes.size(), String.join(", ", parts), preemption);
    }

    /** Why the pod's claims keep it from any node, or null; claims still to be given a node go to {@code waiting}. */
    private String claimProblem(Pod pod, List<PersistentVolumeClaim> waiting) {
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() == null) {
                continue;
            }
            String claimName = v.getPersistentVolumeClaim().getClaimName();
            Optional<PersistentVolumeClaim> claim = informers.get(informers.claims, pod.getMetadata().getNamespace(),
                    claimName);
            if (claim.isEmpty()) {
                return "persistentvolumeclaim \"" + claimName + "\" not found";
            }
            if (ObjectLifecycle.isTerminating(claim.get())) {
                // the volume binding plugin's check: such a claim is only waiting for its users to go
                return "persistentvolumeclaim \"" + claimName + "\" is being deleted";
            }
            if (!"Bound".equals(claim.get().getStatus() == null ? null : claim.get().getStatus().getPhase())) {
                if (!isWaitForFirstConsumer(claim.get())) {
                    return "pod has unbound immediate PersistentVolumeClaims";
                }
                waiting.add(claim.get());
            }
        }
        return null;
    }

    private void bindOrWait(Pod pod, String nodeName, List<PersistentVolumeClaim> waiting) {
        if (!waiting.isEmpty()) {
            for (PersistentVolumeClaim claim : waiting) {
                if (!claim.getMetadata().getAnnotations().containsKey(SELECTED_NODE)) {
                    writer.mergePatch(claim, "{\"metadata\":{\"annotations\":{\"" + SELECTED_NODE + "\":\""
                            + nodeName + "\"}}}");
                }
            }
            return; // bound once the provisioner has bound the claims
        }
        if (writer.mergePatch(pod, "{\"spec\":{\"nodeName\":\"" + nodeName + "\"}}").ok()) {
            usage.assume(pod, nodeName);
            events.record(pod, EventRecorder.NORMAL, "Scheduled", "Successfully assigned "
                    + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " to " + nodeName, SOURCE);
        }
    }

    private void unschedulable(String key, Pod pod, int nodeCount, String reasons, String preemption) {
        unschedulable.add(key);
        String message = "0/" + nodeCount + " nodes are available: " + reasons + ". preemption: 0/" + nodeCount
                + " nodes are available: " + nodeCount + " " + preemption + ".";
        pending(pod, "Unschedulable", message, true);
    }

    /** Writes PodScheduled False with that reason and message, once (and the event, if one is due). */
    private void pending(Pod pod, String reason, String message, boolean event) {
        PodCondition current = PodConditions.get(pod, "PodScheduled");
        if (current != null && reason.equals(current.getReason()) && message.equals(current.getMessage())) {
            return;
        }
        PodCondition condition = new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                .withReason(reason).withMessage(message)
                .withLastTransitionTime(TimeFormats.rfc3339(clock.instant())).build();
        writer.updateStatus(new PodBuilder(pod).editOrNewStatus().withPhase("Pending")
                .withConditions(condition).endStatus().build());
        if (event) {
            events.record(pod, EventRecorder.WARNING, "FailedScheduling", message, SOURCE);
        }
    }

    private boolean isWaitForFirstConsumer(PersistentVolumeClaim claim) {
        return StorageClasses.of(informers, claim)
                .map(s -> "WaitForFirstConsumer".equals(s.getVolumeBindingMode())).orElse(false);
    }

    /** The Ready, schedulable nodes by name; worked out again only when a node changes. */
    private List<NodeSelection.Candidate> nodes() {
        List<NodeSelection.Candidate> nodes = readyNodes;
        if (nodes == null) {
            nodes = informers.nodes.getStore().list().stream().filter(NodeReadiness::acceptsPods)
                    .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                    .map(n -> new NodeSelection.Candidate(n, NodeFit.Capacity.of(n))).toList();
            readyNodes = nodes;
        }
        return nodes;
    }
}
