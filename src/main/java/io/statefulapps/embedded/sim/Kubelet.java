package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plays the kubelet of every node: gives bound pods an IP, runs init containers then containers
 * (with the faults of {@link ImageFault} and {@link PodStartBlock}), reports Ready after
 * podReadyDelay, and removes pods that are being deleted. A pod is looked at when it changes and
 * when its next milestone falls due; status is written through the status subresource, once per
 * transition. On a node that is not Ready the kubelet is gone: its pods are left as they are.
 */
final class Kubelet extends KindController<Pod> {

    /** What the kubelet keeps about a pod it runs. */
    private record Running(String uid, String node, PodStatusFactory.Placement placement, List<String> missingSecrets) {
    }

    private final KubernetesClient client;
    private final PodStatusFactory statuses;
    private final PodMilestones milestones;
    private final KubeletEvents kubeletEvents;
    private final NodeNumbers nodeNumbers;
    private final PodIpAllocator ips;
    private final Map<String, Running> running = new HashMap<>();

    Kubelet(ControllerContext context, NodeNumbers nodeNumbers) {
        super(context, context.informers().pods, ObjectLifecycle::isBound);
        this.nodeNumbers = nodeNumbers;
        this.ips = new PodIpAllocator(nodeNumbers);
        this.client = context.client();
        this.statuses = new PodStatusFactory(settings);
        this.milestones = new PodMilestones(settings);
        this.kubeletEvents = new KubeletEvents(events, settings);
        lookAtEveryChange();
        informers.onChange(informers.nodes, (before, after) -> {
            boolean readinessChanged = before == null || after == null
                    || NodeReadiness.isReady(before) != NodeReadiness.isReady(after);
            if (readinessChanged) {
                Node node = after != null ? after : before;
                informers.podsOnNode(node.getMetadata().getName()).forEach(p -> queue().add(ClusterInformers.keyOf(p)));
            }
        });
    }

    @Override
    Instant reconcile(String key, Pod pod) {
        Running known = running.get(key);
        if (known != null && (pod == null || !known.uid().equals(pod.getMetadata().getUid()))) {
            forget(key, known);
        }
        if (pod == null || !ObjectLifecycle.isBound(pod)) {
            return null;
        }
        Node node = informers.get(informers.nodes, null, pod.getSpec().getNodeName()).orElse(null);
        if (node == null || !NodeReadiness.isReady(node)) {
            return null; // no kubelet reports from there; the node's return brings the pod back
        }
        if (ObjectLifecycle.isTerminating(pod)) {
            writer.delete(pod, 0L); // the containers are stopped: confirm the deletion
            return null;
        }
        if (ObjectLifecycle.isFinished(pod)) {
            return null;
        }
        Instant now = clock.instant();
        Running run = running.computeIfAbsent(key, k -> start(pod, node, now));
        PodOnNode onNode = new PodOnNode(pod, run.node(), run.placement(), startBlock(pod), run.missingSecrets());
        PodStatus desired = statuses.statusAt(pod, run.placement(), onNode.block().blocks(), now);
        if (!desired.equals(pod.getStatus())) {
            // the cached pod with a new status: shares the rest, nothing is changed in place
            writer.updateStatus(new Pod(pod.getApiVersion(), pod.getKind(), pod.getMetadata(), pod.getSpec(), desired));
        }
        kubeletEvents.emit(onNode, now);
        return milestones.next(onNode, now);
    }

    private Running start(Pod pod, Node node, Instant now) {
        var status = pod.getStatus();
        Instant boundAt = status != null && status.getStartTime() != null ? Instant.parse(status.getStartTime()) : now;
        String nodeName = node.getMetadata().getName();
        String ip;
        if (status != null && status.getPodIP() != null) {
            ip = status.getPodIP();
            ips.reserve(ip);
        } else {
            ip = ips.allocate(nodeName);
        }
        var placement = new PodStatusFactory.Placement(boundAt, ip, hostIp(node));
        return new Running(pod.getMetadata().getUid(), nodeName, placement, missingPullSecrets(pod));
    }

    private void forget(String key, Running known) {
        running.remove(key);
        ips.release(known.node(), known.placement().podIP());
        kubeletEvents.forget(known.uid());
    }

    /** The pod's image pull secrets that do not exist (the kubelet looks each up before pulling). */
    private List<String> missingPullSecrets(Pod pod) {
        List<String> missing = new ArrayList<>();
        for (LocalObjectReference ref : pod.getSpec().getImagePullSecrets()) {
            try {
                if (client.secrets().inNamespace(pod.getMetadata().getNamespace()).withName(ref.getName())
                        .get() == null) {
                    missing.add(ref.getName());
                }
            } catch (KubernetesClientException e) {
                missing.add(ref.getName()); // not allowed to read it is as good as missing
            }
        }
        return missing;
    }

    private PodStartBlock startBlock(Pod pod) {
        List<String> volumes = new ArrayList<>();
        List<String> volumeIds = new ArrayList<>();
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() == null) {
                continue;
            }
            informers.get(informers.claims, pod.getMetadata().getNamespace(), v.getPersistentVolumeClaim()
                    .getClaimName())
                    .filter(claim -> StorageClasses.MOUNT_FAIL.equals(claim.getSpec().getStorageClassName()))
                    .ifPresent(claim -> {
                        volumes.add(v.getName());
                        volumeIds.add(volumeId(claim));
                    });
        }
        if (!volumes.isEmpty()) {
            return new PodStartBlock(PodStartBlock.Kind.MOUNT, volumes, volumeIds);
        }
        boolean sandboxFails = Stream.concat(pod.getSpec().getInitContainers().stream(),
                pod.getSpec().getContainers().stream()).map(Container::getImage)
                .anyMatch(image -> ImageFault.of(image) == ImageFault.SANDBOX_FAIL);
        return sandboxFails ? PodStartBlock.SANDBOX : PodStartBlock.NONE;
    }

    private static String volumeId(PersistentVolumeClaim claim) {
        String bound = claim.getSpec().getVolumeName();
        return bound == null || bound.isEmpty() ? "pvc-" + claim.getMetadata().getUid() : bound;
    }

    private String hostIp(Node node) {
        if (node.getStatus() != null) {
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    return a.getAddress();
                }
            }
        }
        return nodeNumbers.internalIp(node.getMetadata().getName()); // before its address is reported
    }
}
