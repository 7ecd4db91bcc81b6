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
        Instant sandbox = placement.boundAt().plus(settings.podStartDelay());
        List<ContainerStatus> init = new ArrayList<>();
        List<ContainerStatus> main = new ArrayList<>();
        boolean started = !blocked && !now.isBefore(sandbox);
        Instant t = sandbox;
        boolean initialized = started || pod.getSpec().getInitContainers().isEmpty();
        List<String> incompleteInit = new ArrayList<>();
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
        boolean anyRunning = false;
        Instant readySince = t;
        List<String> unready = new ArrayList<>();
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
                status = ContainerStatuses.running(pod, c, t, timeline.ready(now), 0, null);
                anyRunning = true;
                readySince = t.plus(settings.podReadyDelay());
            }
            main.add(status);
            if (!status.getReady()) {
                unready.add(c.getName());
            }
        }
        boolean ready = unready.isEmpty() && started && initialized;
        String phase = started && initialized && anyRunning ? "Running" : "Pending";
        PodStatusBuilder b = new PodStatusBuilder().withPhase(phase).withHostIP(placement.hostIP())
                .withHostIPs(new HostIP(placement.hostIP()))
                .withStartTime(TimeFormats.rfc3339(placement.boundAt())).withQosClass(Resources.qosClass(pod))
                .withInitContainerStatuses(init).withContainerStatuses(main);
        if (started) {
            b.withPodIP(placement.podIP()).withPodIPs(new PodIPBuilder().withIp(placement.podIP()).build());
        }
        String notReadyMessage = "containers with unready status: [" + String.join(" ", unready) + "]";
        Instant notReadyAt = placement.boundAt();
        b.withConditions(
                condition("PodReadyToStartContainers", started, started ? sandbox : placement.boundAt(), null, null),
                condition("Initialized", initialized,
                        initialized ? t : placement.boundAt(), initialized ? null : "ContainersNotInitialized",
                        initialized ? null : "containers with incomplete status: [" + String.join(" ", incompleteInit) + "]"),
                condition("Ready", ready, ready ? readySince : notReadyAt, ready ? null : "ContainersNotReady",
                        ready ? null : notReadyMessage),
                condition("ContainersReady", ready, ready ? readySince : notReadyAt, ready ? null : "ContainersNotReady",
                        ready ? null : notReadyMessage),
                condition("PodScheduled", true, placement.boundAt(), null, null));
        return b.build();
    }

    private static PodCondition condition(String type, boolean status, Instant since, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(TimeFormats.rfc3339(since)).withReason(reason).withMessage(message).build();
    }
}
