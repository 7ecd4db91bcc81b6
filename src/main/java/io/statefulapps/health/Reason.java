package io.statefulapps.health;

import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Missing;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.HealthStatus.Unknown;

/**
 * The stable problem codes a bot switches on; JSON is the constant name. Published in the OpenAPI
 * contract: adding a value is compatible, renaming or removing one is not.
 *
 * <p>Each code carries its default severity and the verdict it implies for the part it is found
 * on ({@code null}: informative, the verdict is unchanged). A few rules deliberately soften a code
 * (for example a trio object absent for a few seconds right after creation is Info/Progressing,
 * not Error/Missing); the problem's own {@code severity} always says which applies.
 */
public enum Reason {
    // The snapshot itself
    CacheNotSynced(Severity.Warning, Unknown),

    // The trio
    StatefulSetMissing(Severity.Error, Missing),
    HeadlessServiceMissing(Severity.Error, Missing),
    ClientServiceMissing(Severity.Error, Missing),

    // StatefulSet
    GenerationNotObserved(Severity.Info, Progressing),
    RolloutInProgress(Severity.Info, Progressing),
    RolloutStalled(Severity.Error, Degraded),
    OnDeleteOutdatedPods(Severity.Warning, Progressing),
    ServiceNameMismatch(Severity.Error, Degraded),
    HeadlessServiceNotHeadless(Severity.Error, Degraded),
    /** The controller's FailedCreate event: the API server refuses the pod (quota, admission, ServiceAccount…). */
    PodCreateFailed(Severity.Error, Degraded),
    /** Info: claims of ordinals a scale-down removed are kept (and hold storage). */
    RetainedClaim(Severity.Info, null),
    /** Info: no container of the pods has a readiness probe, so Ready means little. */
    NoReadinessProbe(Severity.Info, null),

    // Pods and their (init) containers
    CrashLoopBackOff(Severity.Error, Degraded),
    ImagePullBackOff(Severity.Error, Degraded),
    ErrImagePull(Severity.Error, Degraded),
    InvalidImageName(Severity.Error, Degraded),
    CreateContainerConfigError(Severity.Error, Degraded),
    /** Any other kubelet waiting reason that is an error (CreateContainerError, RunContainerError…). */
    ContainerError(Severity.Error, Degraded),
    InitContainerFailed(Severity.Error, Degraded),
    OOMKilled(Severity.Error, Degraded),
    PodFailed(Severity.Error, Degraded),
    PodEvicted(Severity.Error, Degraded),
    /** Phase Unknown: the pod's node no longer reports on it. */
    PodUnknown(Severity.Error, Degraded),
    /** The pod's node is NotReady or unreachable; the StatefulSet does not replace the pod by itself. */
    NodeNotReady(Severity.Error, Degraded),
    Unschedulable(Severity.Error, Degraded),
    /** Held by spec.schedulingGates; hardened to Error/Degraded past the pending deadline. */
    SchedulingGated(Severity.Warning, Progressing),
    /** The kubelet's FailedCreatePodSandBox: the runtime or network plugin cannot set the pod up. */
    SandboxCreateFailed(Severity.Error, Degraded),
    /** FailedMount / FailedAttachVolume (Multi-Attach) events while the pod waits to start. */
    VolumeMountFailed(Severity.Error, Degraded),
    PodPending(Severity.Info, Progressing),
    PodPendingTooLong(Severity.Error, Degraded),
    PodNotReady(Severity.Info, Progressing),
    NotReadyTooLong(Severity.Error, Degraded),
    HighRestartCount(Severity.Warning, null),
    PodTerminating(Severity.Info, Progressing),
    TerminatingTooLong(Severity.Error, Degraded),

    // Volumes: pod → PVC → PV
    ClaimMissing(Severity.Error, Degraded),
    ClaimPending(Severity.Info, Progressing),
    ClaimPendingTooLong(Severity.Error, Degraded),
    StorageClassNotFound(Severity.Error, Degraded),
    ProvisioningFailed(Severity.Error, Degraded),
    WaitingForFirstConsumer(Severity.Info, Progressing),
    ClaimLost(Severity.Error, Degraded),
    ClaimTerminating(Severity.Error, Degraded),
    VolumeMissing(Severity.Error, Degraded),
    VolumeReleased(Severity.Error, Degraded),
    VolumeFailed(Severity.Error, Degraded),
    CapacityBelowRequest(Severity.Error, Degraded),
    ResizePending(Severity.Info, Progressing),

    // DNS of the headless Service
    DnsRecordMissing(Severity.Error, Degraded),
    DnsRecordMismatch(Severity.Error, Degraded),
    NotReadyAddressesUnpublished(Severity.Info, null),

    // Services
    ServiceSelectorMismatch(Severity.Error, Degraded),
    NoReadyEndpoints(Severity.Error, Degraded),
    /** A targetPort no container declares: named, Error/Degraded; numbered, softened to Warning. */
    TargetPortMismatch(Severity.Error, Degraded),
    LoadBalancerProvisioning(Severity.Info, Progressing),
    LoadBalancerPending(Severity.Error, Degraded);

    private final Severity severity;
    private final HealthStatus verdict;

    Reason(Severity severity, HealthStatus verdict) {
        this.severity = severity;
        this.verdict = verdict;
    }

    public Severity severity() {
        return severity;
    }

    /** The verdict this code implies for its part, or {@code null} when it leaves the verdict alone. */
    public HealthStatus verdict() {
        return verdict;
    }
}
