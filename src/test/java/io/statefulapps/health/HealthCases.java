package io.statefulapps.health;

import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Missing;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.HealthStatus.Suspended;
import static io.statefulapps.health.HealthStatus.Unknown;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.Scenarios.*;
import static io.statefulapps.health.SnapshotFixture.REV1;
import static io.statefulapps.health.SnapshotFixture.REV2;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;

import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The table of health cases: a snapshot, the overall verdict, and exactly the reasons reported. */
final class HealthCases {

    record Case(String name, SnapshotFixture fixture, HealthStatus status, Set<Reason> reasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HealthCases() {
    }

    private static Case row(String name, SnapshotFixture fixture, HealthStatus status, Reason... reasons) {
        return new Case(name, fixture, status, reasons.length == 0 ? EnumSet.noneOf(Reason.class) : EnumSet.of(reasons[0], reasons));
    }

    static final String UNBOUND = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.";
    static final String NO_MEMORY = "0/3 nodes are available: 3 Insufficient memory.";

    static List<Case> all() {
        return List.of(
                row("settled app", healthyApp("eureka", 2), Healthy),
                row("caches not synced", healthyApp("eureka", 2).notSynced(), Unknown, CacheNotSynced),
                // the trio
                row("StatefulSet absent", healthyApp("eureka", 2).withoutStatefulSet(), Missing, StatefulSetMissing),
                row("headless Service absent", healthyApp("eureka", 2).withoutHeadless(), Missing, HeadlessServiceMissing),
                row("client Service absent", healthyApp("eureka", 2).withoutClient(), Missing, ClientServiceMissing),
                row("nothing there", healthyApp("eureka", 0).withoutStatefulSet().withoutHeadless().withoutClient(), Missing,
                        StatefulSetMissing, HeadlessServiceMissing, ClientServiceMissing),
                row("client Service not visible moments after creation", healthyApp("eureka", 2).withoutClient()
                        .withStatefulSet(s -> new StatefulSetBuilder(s).editMetadata()
                                .withCreationTimestamp(SnapshotFixture.ago(Duration.ofSeconds(5))).endMetadata().build()),
                        Progressing, ClientServiceMissing),
                // the StatefulSet and its rollout
                row("spec not yet observed", healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s)
                        .editMetadata().withGeneration(2L).endMetadata().build()), Progressing, GenerationNotObserved),
                row("rolling update under way", rollout().withPod(1, revision(REV2).andThen(createdMinutesAgo(2))::apply),
                        Progressing, RolloutInProgress),
                row("rolling update stuck on a pod that never gets ready", rollout()
                        .withPod(1, revision(REV2).andThen(createdMinutesAgo(30)).andThen(notReadyFor(30))::apply),
                        Degraded, RolloutStalled, NotReadyTooLong),
                row("partition reached", partitioned().withPod(1, revision(REV2)), Healthy),
                row("partition not reached yet: the controller just deleted the pod to update",
                        partitioned().withPod(1, terminating(0)), Progressing, RolloutInProgress, PodTerminating),
                row("partitioned rollout without movement for the deadline", partitioned(), Degraded, RolloutStalled),
                row("OnDelete with outdated pods", onDelete(), Progressing, OnDeleteOutdatedPods),
                row("OnDelete all updated", onDelete().withPod(0, revision(REV2)).withPod(1, revision(REV2)), Healthy),
                row("ordinals starting at 3", healthyApp("eureka", 2, 3), Healthy),
                row("ordinals starting at 3, one not created", healthyApp("eureka", 2, 3).withoutPod(4).withoutClaim(4)
                        .withStatefulSet(s -> new StatefulSetBuilder(s).editMetadata()
                                .withCreationTimestamp(minutesAgo(1)).endMetadata().build()), Progressing, RolloutInProgress),
                row("scaled to zero on purpose", healthyApp("eureka", 0), Suspended),
                row("scaling to zero, pods still terminating", healthyApp("eureka", 2)
                        .withStatefulSet(s -> new StatefulSetBuilder(s).editSpec().withReplicas(0).endSpec().build())
                        .withPod(0, terminating(-1)).withPod(1, terminating(-1)), Progressing, RolloutInProgress,
                        PodTerminating),
                // pods and containers
                row("crash loop", healthyApp("eureka", 2).withPod(1, crashLooping()), Degraded, CrashLoopBackOff,
                        RolloutInProgress),
                row("image pull back-off", healthyApp("eureka", 2).withPod(1, waiting("ImagePullBackOff", "Back-off pulling image", 0)),
                        Degraded, ImagePullBackOff, RolloutInProgress),
                row("image pull error", healthyApp("eureka", 2).withPod(1, waiting("ErrImagePull", "manifest unknown", 0)),
                        Degraded, ErrImagePull, RolloutInProgress),
                row("invalid image name", healthyApp("eureka", 2).withPod(1, waiting("InvalidImageName", "bad ref", 0)),
                        Degraded, InvalidImageName, RolloutInProgress),
                row("missing config", healthyApp("eureka", 2).withPod(1,
                        waiting("CreateContainerConfigError", "secret \"db\" not found", 0)), Degraded,
                        CreateContainerConfigError, RolloutInProgress),
                row("container cannot run", healthyApp("eureka", 2).withPod(1, waiting("RunContainerError", "exec: not found", 2)),
                        Degraded, ContainerError, RolloutInProgress),
                row("init container crash-looping", healthyApp("eureka", 2).withPod(1,
                        initContainer(initWaiting("CrashLoopBackOff"))), Degraded, InitContainerFailed, RolloutInProgress),
                row("init container exited non-zero", healthyApp("eureka", 2).withPod(1, initContainer(initExited(2))),
                        Degraded, InitContainerFailed, RolloutInProgress),
                row("init container image missing", healthyApp("eureka", 2).withPod(1,
                        initContainer(initWaiting("ImagePullBackOff"))), Degraded, ImagePullBackOff, RolloutInProgress),
                row("init container done, app starting", healthyApp("eureka", 2).withPod(1, initContainer(initExited(0)).andThen(createdMinutesAgo(4))::apply),
                        Progressing, PodPending, RolloutInProgress, NotReadyAddressesUnpublished),
                row("OOM kill a minute ago", healthyApp("eureka", 2).withPod(0, oomKilled(2)), Degraded, OOMKilled),
                row("OOM kill long ago", healthyApp("eureka", 2).withPod(0, oomKilled(120)), Healthy),
                row("crash loop caused by OOM", healthyApp("eureka", 2).withPod(1, p -> oomKilled(1).apply(crashLooping().apply(p))),
                        Degraded, OOMKilled, RolloutInProgress),
                row("pod failed", healthyApp("eureka", 2).withPod(1, failed(null, "container exited")), Degraded, PodFailed,
                        RolloutInProgress),
                row("pod evicted", healthyApp("eureka", 2).withPod(1, failed("Evicted", "The node was low on resource: memory.")),
                        Degraded, PodEvicted, RolloutInProgress),
                row("unschedulable", healthyApp("eureka", 2).withPod(1, unscheduled(1, "Unschedulable", NO_MEMORY)),
                        Degraded, Unschedulable, RolloutInProgress),
                row("waiting for its volume to be provisioned", healthyApp("eureka", 2)
                        .withPod(1, unscheduled(1, "Unschedulable", UNBOUND)).withClaim(1, pendingClaim("standard", 1)),
                        Progressing, PodPending, ClaimPending, RolloutInProgress),
                row("pod starting", healthyApp("eureka", 2).withPod(1, pendingScheduled(1)), Progressing, PodPending,
                        RolloutInProgress),
                row("pod pending for 20 minutes", healthyApp("eureka", 2).withPod(1, pendingScheduled(20)), Degraded,
                        PodPendingTooLong, RolloutStalled),
                row("pod waiting for readiness", healthyApp("eureka", 2).withPod(1, notReadyFor(1)), Progressing,
                        PodNotReady, RolloutInProgress, NotReadyAddressesUnpublished),
                row("pod waiting for readiness, not-ready addresses published", healthyApp("eureka", 2)
                        .withPod(1, notReadyFor(1))
                        .withHeadless(s -> new ServiceBuilder(s).editSpec().withPublishNotReadyAddresses(true).endSpec().build()),
                        Progressing, PodNotReady, RolloutInProgress),
                row("pod not ready beyond its probes", healthyApp("eureka", 2).withPod(1, notReadyFor(5)), Degraded,
                        NotReadyTooLong, RolloutInProgress),
                row("many restarts", healthyApp("eureka", 2).withPod(0, restarts(7)), Healthy, HighRestartCount),
                row("terminating", healthyApp("eureka", 2).withPod(1, terminating(-1)), Progressing, PodTerminating,
                        RolloutInProgress),
                row("terminating for too long", healthyApp("eureka", 2).withPod(1, terminating(7)), Degraded,
                        TerminatingTooLong, RolloutInProgress),
                // volumes
                row("claim deleted under a running pod", healthyApp("eureka", 2).withoutClaim(1), Degraded, ClaimMissing),
                row("claim pending for 20 minutes", healthyApp("eureka", 2)
                        .withPod(1, unscheduled(20, "Unschedulable", UNBOUND)).withClaim(1, pendingClaim("standard", 20)),
                        Degraded, Unschedulable, ClaimPendingTooLong, RolloutStalled),
                row("no such StorageClass", healthyApp("eureka", 2)
                        .withPod(1, unscheduled(1, "Unschedulable", UNBOUND)).withClaim(1, pendingClaim("fast-ssd", 1)),
                        Degraded, StorageClassNotFound, PodPending, RolloutInProgress),
                row("no default StorageClass", healthyApp("eureka", 2)
                        .withStorageClass(new StorageClassInfo("standard", "Immediate", true, false))
                        .withPod(1, unscheduled(1, "Unschedulable", UNBOUND)).withClaim(1, pendingClaim(null, 1)),
                        Degraded, StorageClassNotFound, PodPending, RolloutInProgress),
                row("provisioning failed", healthyApp("eureka", 2)
                        .withPod(1, unscheduled(2, "Unschedulable", UNBOUND)).withClaim(1, pendingClaim("standard", 2))
                        .withEvent("PersistentVolumeClaim", "data-eureka-1", "ProvisioningFailed",
                                "failed to provision volume: quota exceeded", minutesAgo(1), 3),
                        Degraded, ProvisioningFailed, PodPending, RolloutInProgress),
                row("waiting for first consumer", healthyApp("eureka", 2).withPod(1, notYetScheduled(1))
                        .withClaim(1, pendingClaim("local-wffc", 1)), Progressing, WaitingForFirstConsumer, PodPending,
                        RolloutInProgress),
                row("waiting for first consumer, pod not created yet", healthyApp("eureka", 2).withoutPod(1)
                        .withStatefulSet(s -> new StatefulSetBuilder(s).editMetadata()
                                .withCreationTimestamp(minutesAgo(1)).endMetadata().build())
                        .withClaim(1, pendingClaim("local-wffc", 1)), Progressing, WaitingForFirstConsumer, RolloutInProgress),
                row("claim lost", healthyApp("eureka", 2).withClaim(1, c -> new PersistentVolumeClaimBuilder(c)
                        .editStatus().withPhase("Lost").endStatus().build()), Degraded, ClaimLost),
                row("claim deleted while its pod runs", healthyApp("eureka", 2).withClaim(1, c ->
                        new PersistentVolumeClaimBuilder(c).editMetadata().withDeletionTimestamp(minutesAgo(2))
                                .withFinalizers("kubernetes.io/pvc-protection").endMetadata().build()),
                        Degraded, ClaimTerminating),
                row("bound volume gone", healthyApp("eureka", 2).withoutVolume(1), Degraded, VolumeMissing),
                row("volume released", healthyApp("eureka", 2).withVolume(1, v -> new PersistentVolumeBuilder(v)
                        .editStatus().withPhase("Released").endStatus().build()), Degraded, VolumeReleased),
                row("volume failed", healthyApp("eureka", 2).withVolume(1, v -> new PersistentVolumeBuilder(v)
                        .editStatus().withPhase("Failed").withMessage("recycler failed").endStatus().build()), Degraded,
                        VolumeFailed),
                row("capacity below request on a class that cannot expand", healthyApp("eureka", 2)
                        .withStorageClass(new StorageClassInfo("standard", "Immediate", false, true))
                        .withClaim(1, requesting("2Gi")), Degraded, CapacityBelowRequest),
                row("larger request on an expandable class, before the resizer acts", healthyApp("eureka", 2)
                        .withClaim(1, requesting("2Gi")), Progressing, ResizePending),
                row("resize infeasible", healthyApp("eureka", 2).withClaim(1, c -> new PersistentVolumeClaimBuilder(
                        requesting("2Gi").apply(c)).editStatus().addToAllocatedResources("storage", new Quantity("2Gi"))
                        .addToAllocatedResourceStatuses("storage", "ControllerResizeInfeasible").endStatus().build()),
                        Degraded, CapacityBelowRequest),
                row("resize allocated", healthyApp("eureka", 2).withClaim(1, c -> new PersistentVolumeClaimBuilder(
                        requesting("2Gi").apply(c)).editStatus().addToAllocatedResources("storage", new Quantity("2Gi"))
                        .endStatus().build()), Progressing, ResizePending),
                row("file system resize pending", healthyApp("eureka", 2).withClaim(1, c -> new PersistentVolumeClaimBuilder(
                        requesting("2Gi").apply(c)).editStatus().addToConditions(new PersistentVolumeClaimConditionBuilder()
                        .withType("FileSystemResizePending").withStatus("True").build()).endStatus().build()),
                        Progressing, ResizePending),
                // DNS
                row("ready pod without DNS record", healthyApp("eureka", 2).withoutEndpoint(1), Degraded, DnsRecordMissing),
                row("endpoint without hostname", healthyApp("eureka", 2).withEndpointWithoutHostname(1), Degraded,
                        DnsRecordMissing),
                row("stale DNS record", healthyApp("eureka", 2).withEndpointIP(1, "10.0.0.99"), Degraded, DnsRecordMismatch),
                row("a second address under the pod's name", healthyApp("eureka", 2).withExtraEndpointIP(0, "10.9.9.9"),
                        Degraded, DnsRecordMismatch),
                row("headless Service with a cluster IP", healthyApp("eureka", 2)
                        .withHeadless(s -> new ServiceBuilder(s).editSpec().withClusterIP("10.96.0.11").endSpec().build()),
                        Degraded, HeadlessServiceNotHeadless),
                row("serviceName names another Service", healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s)
                        .editSpec().withServiceName("eureka-peers").endSpec().build()), Degraded, ServiceNameMismatch),
                // Services
                row("client selector matches nothing", healthyApp("eureka", 2).withClient(s -> new ServiceBuilder(s)
                        .editSpec().withSelector(java.util.Map.of("app", "eurekaa")).endSpec().build()), Degraded,
                        ServiceSelectorMismatch),
                row("ready pods, no ready endpoints", healthyApp("eureka", 2).withoutClientEndpoints(), Degraded,
                        NoReadyEndpoints),
                row("load balancer being provisioned", loadBalancer(2, false), Progressing, LoadBalancerProvisioning),
                row("load balancer never provisioned", loadBalancer(60, false), Degraded, LoadBalancerPending),
                row("load balancer with an address", loadBalancer(60, true), Healthy),
                // causes the cluster only tells in events, on nodes, or in the spec (issue 15)
                row("pod creation refused: no such ServiceAccount", podCreateRefused(60), Degraded, PodCreateFailed,
                        RolloutStalled),
                row("pod creation refused moments after creation", podCreateRefused(1), Degraded, PodCreateFailed,
                        RolloutInProgress),
                row("volume does not mount", healthyApp("eureka", 2).withPod(1, pendingScheduled(3))
                        .withEventFor("Pod", "eureka-1", podUid(1), "FailedMount", MOUNT_TIMEOUT, minutesAgo(1)),
                        Degraded, VolumeMountFailed, RolloutInProgress),
                row("volume still attached to another node", healthyApp("eureka", 2).withPod(1, pendingScheduled(3))
                        .withEventFor("Pod", "eureka-1", podUid(1), "FailedAttachVolume", MULTI_ATTACH, minutesAgo(1)),
                        Degraded, VolumeMountFailed, RolloutInProgress),
                row("pod sandbox cannot be created", healthyApp("eureka", 2).withPod(1, pendingScheduled(3))
                        .withEventFor("Pod", "eureka-1", podUid(1), "FailedCreatePodSandBox", SANDBOX, minutesAgo(1)),
                        Degraded, SandboxCreateFailed, RolloutInProgress),
                row("node unreachable", nodeLost().withPod(1, onNode("node-2").andThen(notReadyFor(3))::apply),
                        Degraded, NodeNotReady, RolloutInProgress),
                row("node unreachable, its pod evicted and stuck terminating", nodeLost()
                        .withPod(1, onNode("node-2").andThen(notReadyFor(8)).andThen(terminating(7))::apply),
                        Degraded, NodeNotReady, TerminatingTooLong, RolloutInProgress),
                row("pod in phase Unknown", healthyApp("eureka", 2).withPod(1, notReadyFor(3).andThen(phase("Unknown"))::apply),
                        Degraded, PodUnknown, RolloutInProgress),
                row("pod held by a scheduling gate", healthyApp("eureka", 2).withPod(1, schedulingGated(1)), Progressing,
                        SchedulingGated, RolloutInProgress),
                row("pod held by a scheduling gate past the pending deadline", healthyApp("eureka", 2)
                        .withPod(1, schedulingGated(20)), Degraded, SchedulingGated, RolloutStalled),
                row("image pull secret missing", healthyApp("eureka", 2)
                        .withPod(1, waiting("ImagePullBackOff", "Back-off pulling image", 0))
                        .withEventFor("Pod", "eureka-1", podUid(1), "FailedToRetrieveImagePullSecret", NO_PULL_SECRET,
                                minutesAgo(1)), Degraded, ImagePullBackOff, RolloutInProgress),
                row("named targetPort no container declares", withPorts().withClient(s -> new ServiceBuilder(s).editSpec()
                        .editFirstPort().withNewTargetPort("web").endPort().endSpec().build()), Degraded, TargetPortMismatch),
                row("numbered targetPort no container declares", withPorts().withClient(s -> new ServiceBuilder(s).editSpec()
                        .editFirstPort().withNewTargetPort(8080).endPort().endSpec().build()), Healthy, TargetPortMismatch),
                row("declared ports match the targetPorts", withPorts(), Healthy),
                row("claims kept after a scale-down", healthyApp("eureka", 2).withBoundClaim(2).withBoundClaim(3), Healthy,
                        RetainedClaim),
                row("no readiness probe", healthyApp("eureka", 2).withPod(0, withoutReadinessProbe())
                        .withPod(1, withoutReadinessProbe()), Healthy, NoReadinessProbe));
    }

    static final String MOUNT_TIMEOUT = "Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]:"
            + " timed out waiting for the condition";
    static final String MULTI_ATTACH = "Multi-Attach error for volume \"pv-eureka-1\" Volume is already exclusively attached"
            + " to one node and can't be attached to another";
    static final String SANDBOX = "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for"
            + " sandbox: plugin type=\"calico\" failed (add): connection refused";
    static final String NO_PULL_SECRET = "Unable to retrieve some image pull secrets (regcred); attempting to pull the image"
            + " may not succeed.";
    static final String NO_ACCOUNT = "create Pod eureka-1 in StatefulSet eureka failed error: pods \"eureka-1\" is forbidden:"
            + " error looking up service account shop/ghost: serviceaccount \"ghost\" not found";

    static String podUid(int ordinal) {
        return SnapshotFixture.uid("Pod", "eureka-" + ordinal);
    }

    /** eureka-1 never created: the API server refuses it; the StatefulSet created {@code minutes} ago. */
    static SnapshotFixture podCreateRefused(long minutes) {
        SnapshotFixture f = healthyApp("eureka", 2).withoutPod(1).withoutClaim(1)
                .withEventFor("StatefulSet", "eureka", SnapshotFixture.uid("StatefulSet", "eureka"), "FailedCreate",
                        NO_ACCOUNT, minutesAgo(0));
        if (minutes < 60) {
            f.withStatefulSet(s -> new StatefulSetBuilder(s).editMetadata().withCreationTimestamp(minutesAgo(minutes))
                    .endMetadata().build()).withPod(0, createdMinutesAgo(minutes));
        }
        return f;
    }

    /** node-2 stopped reporting three minutes ago (the node lifecycle controller set Ready=Unknown). */
    static SnapshotFixture nodeLost() {
        return healthyApp("eureka", 2)
                .withNode(new NodeInfo("node-1", "True", "KubeletReady", "kubelet is posting ready status", null))
                .withNode(new NodeInfo("node-2", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.",
                        SnapshotFixture.NOW.minus(Duration.ofMinutes(3))));
    }

    /** Both pods' container declares its port as {@code http 8761}, what the Services' targetPort is. */
    static SnapshotFixture withPorts() {
        return healthyApp("eureka", 2).withPod(0, containerPort("http", 8761)).withPod(1, containerPort("http", 8761));
    }


    static SnapshotFixture rollout() {
        return healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s).editStatus()
                .withUpdateRevision(REV2).endStatus().build());
    }

    static SnapshotFixture partitioned() {
        return healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s).editSpec().editUpdateStrategy()
                .editRollingUpdate().withPartition(1).endRollingUpdate().endUpdateStrategy().endSpec()
                .editStatus().withCurrentRevision(REV1).withUpdateRevision(REV2).endStatus().build());
    }

    static SnapshotFixture onDelete() {
        return healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s).editSpec()
                .withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy().endSpec()
                .editStatus().withCurrentRevision(REV1).withUpdateRevision(REV2).endStatus().build());
    }

    static SnapshotFixture loadBalancer(long createdMinutesAgo, boolean withIngress) {
        return healthyApp("eureka", 2).withClient(s -> {
            ServiceBuilder b = new ServiceBuilder(s).editMetadata().withCreationTimestamp(minutesAgo(createdMinutesAgo))
                    .endMetadata().editSpec().withType("LoadBalancer").endSpec();
            if (withIngress) {
                b.withNewStatus().withNewLoadBalancer().addNewIngress().withIp("192.0.2.10").endIngress().endLoadBalancer()
                        .endStatus();
            }
            return b.build();
        });
    }
}
