package io.statefulapps.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which problems explain a verdict, root causes before their symptoms: the {@code causes} of a
 * report. A problem explains the verdict when it implies that very verdict; among those, the rule
 * table below ranks each reason by how far up the chain of cause and effect it sits — the cluster,
 * then what the app is built from, then what fails at start, then what fails at run time, then
 * what is merely seen from outside (not ready, no endpoints), then the rollout waiting on it all.
 * So a missing StorageClass comes before the Pending claim and the Pending pod it leaves, a
 * NotReady node before its pods' readiness, a FailedCreate before the rollout waiting.
 */
final class CauseOrder {

    static final int MAX_CAUSES = 3;

    /** Up the chain first. */
    enum Layer {
        CLUSTER, DEFINITION, STORAGE, START, RUN, SEEN, ROLLOUT
    }

    private CauseOrder() {
    }

    /** At most three problems that explain the verdict, root causes first; ties keep the problems' order. */
    static List<HealthProblem> causes(List<Finding> findings, HealthStatus verdict) {
        List<Finding> explaining = new ArrayList<>();
        for (Finding f : findings) {
            if (f.verdict() == verdict) {
                explaining.add(f);
            }
        }
        explaining.sort(Comparator.comparing(f -> layer(f.problem().reason())));
        List<HealthProblem> causes = new ArrayList<>();
        for (Finding f : explaining.subList(0, Math.min(MAX_CAUSES, explaining.size()))) {
            causes.add(f.problem());
        }
        return causes;
    }

    /** The rule table. A switch over the enum: a new reason does not compile until it has its place. */
    static Layer layer(Reason reason) {
        return switch (reason) {
            case CacheNotSynced, NodeNotReady, PodUnknown -> Layer.CLUSTER;
            case StatefulSetMissing, HeadlessServiceMissing, ClientServiceMissing, GenerationNotObserved,
                    ServiceNameMismatch, HeadlessServiceNotHeadless, PodCreateFailed, ServiceSelectorMismatch,
                    TargetPortMismatch, NoReadinessProbe -> Layer.DEFINITION;
            case StorageClassNotFound, ProvisioningFailed, ClaimMissing, ClaimLost, ClaimTerminating, VolumeMissing,
                    VolumeReleased,
                    VolumeFailed, CapacityBelowRequest, ResizePending, ClaimPending,
                    ClaimPendingTooLong, RetainedClaim -> Layer.STORAGE;
            case SchedulingGated, Unschedulable, SandboxCreateFailed, VolumeMountFailed, ImagePullBackOff, ErrImagePull,
                    InvalidImageName, CreateContainerConfigError, InitContainerFailed, PodPending,
                    PodPendingTooLong -> Layer.START;
            case CrashLoopBackOff, OOMKilled, ContainerError, PodFailed, PodEvicted, HighRestartCount, PodTerminating,
                    TerminatingTooLong -> Layer.RUN;
            // a claim that waits for its first consumer waits on the pod: an effect
            case WaitingForFirstConsumer, PodNotReady, NotReadyTooLong, DnsRecordMissing, DnsRecordMismatch,
                    NotReadyAddressesUnpublished, NoReadyEndpoints, LoadBalancerProvisioning,
                    LoadBalancerPending -> Layer.SEEN;
            case RolloutInProgress, RolloutStalled, OnDeleteOutdatedPods -> Layer.ROLLOUT;
        };
    }
}
