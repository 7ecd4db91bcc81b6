package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A pod as the cache keeps it: what the health rules read (name, labels, times, finalizers; the
 * node, hostname and subdomain; each container's name, image, ports and readiness and startup
 * probes; its volumes backed by claims; image pull secrets and scheduling gates; the status with
 * its Ready and PodScheduled conditions, without IPs other than {@code podIP} and without
 * container ids), compacted. What a real
 * cluster adds to every pod and nothing here reads (tolerations, security contexts, env,
 * annotations, owner references) is not kept.
 */
final class PodCompaction {

    private static final Set<String> READ_CONDITIONS = Set.of("Ready", "PodScheduled");

    private final ValueCompaction values;
    private final PodSpecCompaction specs;

    PodCompaction(ValueCompaction values, PodSpecCompaction specs) {
        this.values = values;
        this.specs = specs;
    }

    void pod(Pod pod) {
        // What is not kept is dropped before the rest is shared: the interner holds on to what it saw.
        if (pod.getMetadata() != null) {
            pod.getMetadata().setAnnotations(Collections.emptyMap());
            pod.getMetadata().setOwnerReferences(Collections.emptyList());
        }
        values.meta(pod.getMetadata());
        PodSpec spec = pod.getSpec();
        if (spec != null) {
            pod.setSpec(keptSpec(spec));
        }
        status(pod.getStatus());
        pod.setApiVersion(values.text(pod.getApiVersion()));
        pod.setKind(values.text(pod.getKind()));
        pod.setAdditionalProperties(values.extras(pod.getAdditionalProperties()));
    }

    private PodSpec keptSpec(PodSpec spec) {
        PodSpec kept = new PodSpec();
        kept.setContainers(spec.getContainers());
        kept.setInitContainers(spec.getInitContainers());
        kept.setVolumes(claimVolumes(spec.getVolumes()));
        kept.setImagePullSecrets(spec.getImagePullSecrets());
        kept.setSchedulingGates(spec.getSchedulingGates());
        kept.setNodeName(spec.getNodeName());
        kept.setHostname(spec.getHostname());
        kept.setSubdomain(spec.getSubdomain());
        for (var containers : java.util.Arrays.asList(kept.getContainers(), kept.getInitContainers())) {
            if (containers != null) {
                containers.stream().filter(java.util.Objects::nonNull).forEach(PodCompaction::keepHealthReads);
            }
        }
        specs.spec(kept);
        return kept;
    }

    /**
     * The volumes backed by claims: the rules name a pod's claims; the projected token, config and
     * secret volumes a real cluster adds to every pod are not read.
     */
    private static List<Volume> claimVolumes(List<Volume> volumes) {
        if (volumes == null) {
            return null;
        }
        List<Volume> claims = new ArrayList<>(volumes.size());
        for (Volume volume : volumes) {
            if (volume != null && volume.getPersistentVolumeClaim() != null) {
                claims.add(volume);
            }
        }
        return claims;
    }

    private static void keepHealthReads(Container container) {
        container.setArgs(Collections.emptyList());
        container.setCommand(Collections.emptyList());
        container.setEnv(Collections.emptyList());
        container.setEnvFrom(Collections.emptyList());
        container.setResizePolicy(Collections.emptyList());
        container.setRestartPolicyRules(Collections.emptyList());
        container.setVolumeDevices(Collections.emptyList());
        container.setVolumeMounts(Collections.emptyList());
        container.setLifecycle(null);
        container.setLivenessProbe(null);
        container.setResources(null);
        container.setSecurityContext(null);
        container.setImagePullPolicy(null);
        container.setTerminationMessagePath(null);
        container.setTerminationMessagePolicy(null);
        container.setWorkingDir(null);
    }

    private void status(PodStatus status) {
        if (status == null) {
            return;
        }
        status.setConditions(values.list(readConditions(status.getConditions()), this::condition));
        status.setContainerStatuses(values.list(status.getContainerStatuses(), this::containerStatus));
        status.setInitContainerStatuses(values.list(status.getInitContainerStatuses(), this::containerStatus));
        status.setEphemeralContainerStatuses(Collections.emptyList());
        status.setAllocatedResources(Collections.emptyMap());
        status.setHostIPs(Collections.emptyList());
        status.setPodIPs(Collections.emptyList());
        status.setResourceClaimStatuses(Collections.emptyList());
        status.setHostIP(null);
        status.setQosClass(null);
        status.setResources(null);
        status.setExtendedResourceClaimStatus(null);
        status.setMessage(values.text(status.getMessage()));
        status.setNominatedNodeName(values.text(status.getNominatedNodeName()));
        status.setPhase(values.text(status.getPhase()));
        status.setPodIP(values.text(status.getPodIP()));
        status.setReason(values.text(status.getReason()));
        status.setStartTime(values.text(status.getStartTime()));
        status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
    }

    /** The conditions the health rules read: Ready, and PodScheduled (why a pod is Pending). */
    private static List<PodCondition> readConditions(List<PodCondition> conditions) {
        if (conditions == null) {
            return null;
        }
        List<PodCondition> read = new ArrayList<>(2);
        for (PodCondition condition : conditions) {
            if (condition != null && READ_CONDITIONS.contains(condition.getType())) {
                read.add(condition);
            }
        }
        return read;
    }

    private void condition(PodCondition condition) {
        condition.setType(values.text(condition.getType()));
        condition.setStatus(values.text(condition.getStatus()));
        condition.setReason(values.text(condition.getReason()));
        condition.setMessage(values.text(condition.getMessage()));
        condition.setLastProbeTime(values.text(condition.getLastProbeTime()));
        condition.setLastTransitionTime(values.text(condition.getLastTransitionTime()));
        condition.setAdditionalProperties(values.extras(condition.getAdditionalProperties()));
    }

    private void containerStatus(ContainerStatus status) {
        status.setAllocatedResources(Collections.emptyMap());
        status.setAllocatedResourcesStatus(Collections.emptyList());
        status.setVolumeMounts(Collections.emptyList());
        status.setContainerID(null);
        status.setImageID(null);
        status.setResources(null);
        status.setUser(null);
        status.setImage(values.text(status.getImage()));
        status.setName(values.text(status.getName()));
        state(status.getState());
        state(status.getLastState());
        status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
    }

    private void state(ContainerState state) {
        if (state == null) {
            return;
        }
        if (state.getRunning() != null) {
            state.getRunning().setStartedAt(values.text(state.getRunning().getStartedAt()));
            state.getRunning().setAdditionalProperties(values.extras(state.getRunning().getAdditionalProperties()));
        }
        if (state.getWaiting() != null) {
            state.getWaiting().setReason(values.text(state.getWaiting().getReason()));
            state.getWaiting().setMessage(values.text(state.getWaiting().getMessage()));
            state.getWaiting().setAdditionalProperties(values.extras(state.getWaiting().getAdditionalProperties()));
        }
        if (state.getTerminated() != null) {
            var terminated = state.getTerminated();
            terminated.setContainerID(null);
            terminated.setReason(values.text(terminated.getReason()));
            terminated.setMessage(values.text(terminated.getMessage()));
            terminated.setStartedAt(values.text(terminated.getStartedAt()));
            terminated.setFinishedAt(values.text(terminated.getFinishedAt()));
            terminated.setAdditionalProperties(values.extras(terminated.getAdditionalProperties()));
        }
        state.setAdditionalProperties(values.extras(state.getAdditionalProperties()));
    }
}
