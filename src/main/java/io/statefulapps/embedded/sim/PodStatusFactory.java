package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status the kubelet would report for a pod bound at {@code boundAt}, at {@code now}: sandbox
 * after podStartDelay, init containers one after another, then the app containers, each following
 * its {@link ImageFault}. A pure function of its inputs, so unchanged pods cause no writes, and
 * {@link PodMilestones} can tell when it will next differ.
 */
final class PodStatusFactory {

    private final SimulatorSettings settings;

    PodStatusFactory(SimulatorSettings settings) {
        this.settings = settings;
    }

    record Placement(Instant boundAt, String podIP, String hostIP) {
    }

    /** The status at {@code now}; a {@code blocked} pod never gets its sandbox (see {@link PodStartBlock}). */
    PodStatus statusAt(Pod pod, Placement placement, boolean blocked, Instant now) {
        Walk walk = new Walk(pod, placement, blocked, now);
        walk.initContainers();
        walk.appContainers();
        PodStatusBuilder b = new PodStatusBuilder().withPhase(walk.phase()).withHostIP(placement.hostIP())
                .withHostIPs(new HostIP(placement.hostIP()))
                .withStartTime(TimeFormats.rfc3339(placement.boundAt())).withQosClass(Resources.qosClass(pod))
                .withInitContainerStatuses(walk.init).withContainerStatuses(walk.main)
                .withConditions(walk.conditions());
        if (walk.started) {
            b.withPodIP(placement.podIP()).withPodIPs(new PodIPBuilder().withIp(placement.podIP()).build());
        }
        return b.build();
    }

    /** One pass along a pod's timeline up to now, container by container. */
    private final class Walk {

        private final Pod pod;
        private final Placement placement;
        private final Instant now;
        private final Instant sandbox;
        private final boolean started;
        private final List<ContainerStatus> init = new ArrayList<>();
        private final List<ContainerStatus> main = new ArrayList<>();
        private final List<String> incompleteInit = new ArrayList<>();
        private final List<String> unready = new ArrayList<>();
        /** When the next container starts: after the sandbox and each completed init container. */
        private Instant t;
        private boolean initialized;
        private boolean anyRunning;
        private Instant readySince;

        Walk(Pod pod, Placement placement, boolean blocked, Instant now) {
            this.pod = pod;
            this.placement = placement;
            this.now = now;
            this.sandbox = placement.boundAt().plus(settings.podStartDelay());
            this.started = !blocked && !now.isBefore(sandbox);
            this.t = sandbox;
            this.initialized = started || pod.getSpec().getInitContainers().isEmpty();
        }

        void initContainers() {
            for (Container c : pod.getSpec().getInitContainers()) {
                ImageFault fault = ImageFault.of(c.getImage());
                ContainerTimeline timeline = new ContainerTimeline(fault, t, settings);
                if (!started || !initialized) {
                    init.add(ContainerStatuses.waitingInit(c));
                } else if (fault == ImageFault.PULL_FAIL) {
                    init.add(ContainerStatuses.pullFailing(c, timeline.pullBackingOff(now)));
                    initialized = false;
                } else if (fault.crashes()) {
                    init.add(ContainerStatuses.crashing(pod, c, timeline.crashAt(now), fault));
                    initialized = false;
                } else if (now.isBefore(t.plus(settings.podStartDelay()))) {
                    init.add(ContainerStatuses.running(pod, c, t, false, 0, null));
                    initialized = false;
                } else {
                    init.add(ContainerStatuses.completed(pod, c, t, t.plus(settings.podStartDelay())));
                    t = t.plus(settings.podStartDelay());
                    continue;
                }
                incompleteInit.add(c.getName());
            }
            readySince = t;
        }

        void appContainers() {
            for (Container c : pod.getSpec().getContainers()) {
                ImageFault fault = ImageFault.of(c.getImage());
                ContainerTimeline timeline = new ContainerTimeline(fault, t, settings);
                ContainerStatus status;
                if (!started) {
                    status = ContainerStatuses.creating(c);
                } else if (!initialized) {
                    status = ContainerStatuses.waitingInit(c);
                } else if (fault == ImageFault.PULL_FAIL) {
                    status = ContainerStatuses.pullFailing(c, timeline.pullBackingOff(now));
                } else if (fault.crashes()) {
                    status = ContainerStatuses.crashing(pod, c, timeline.crashAt(now), fault);
                    anyRunning = true;
                } else {
                    status = ContainerStatuses.running(pod, c, t, timeline.ready(c, now), 0, null);
                    anyRunning = true;
                    // the pod is Ready once its last container is
                    Instant containerReady = timeline.readyAt(c);
                    readySince = containerReady.isAfter(readySince) ? containerReady : readySince;
                }
                main.add(status);
                if (!status.getReady()) {
                    unready.add(c.getName());
                }
            }
        }

        String phase() {
            return started && initialized && anyRunning ? "Running" : "Pending";
        }

        List<PodCondition> conditions() {
            boolean ready = unready.isEmpty() && started && initialized;
            Instant boundAt = placement.boundAt();
            String notReady = ready ? null : "containers with unready status: [" + String.join(" ", unready) + "]";
            String notReadyReason = ready ? null : "ContainersNotReady";
            return List.of(
                    condition("PodReadyToStartContainers", started, started ? sandbox : boundAt, null, null),
                    condition("Initialized", initialized, initialized ? t : boundAt,
                            initialized ? null : "ContainersNotInitialized", initialized ? null
                                    : "containers with incomplete status: [" + String.join(" ", incompleteInit) + "]"),
                    condition("Ready", ready, ready ? readySince : boundAt, notReadyReason, notReady),
                    condition("ContainersReady", ready, ready ? readySince : boundAt, notReadyReason, notReady),
                    condition("PodScheduled", true, boundAt, null, null));
        }
    }

    private static PodCondition condition(String type, boolean status, Instant since, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(TimeFormats.rfc3339(since)).withReason(reason).withMessage(message).build();
    }
}
