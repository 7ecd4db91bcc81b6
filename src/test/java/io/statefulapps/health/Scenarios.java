package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.NS;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.util.function.UnaryOperator;

/** The ways pods and claims go wrong, as the kubelet, scheduler and controllers write them. */
final class Scenarios {

    private Scenarios() {
    }

    static Pod readyPod(String app, int ordinal, String revision) {
        String name = app + "-" + ordinal;
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withUid(SnapshotFixture.uid("Pod", name))
                .withCreationTimestamp(minutesAgo(60))
                .addToLabels("app", app).addToLabels(WellKnownLabels.CONTROLLER_REVISION_HASH, revision)
                .addToLabels(WellKnownLabels.POD_INDEX, String.valueOf(ordinal)).endMetadata()
                .withNewSpec().withHostname(name).withSubdomain(app + "-headless").withNodeName("node-1")
                .addToContainers(new ContainerBuilder().withName(app).withImage("registry.example/" + app + ":1")
                        .withReadinessProbe(SnapshotFixture.readinessProbe()).build())
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data-" + name)
                .endPersistentVolumeClaim().endVolume()
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.0.0." + (10 + ordinal)).withStartTime(minutesAgo(59))
                .addToConditions(condition("PodScheduled", "True", null, null, minutesAgo(60)))
                .addToConditions(condition("Ready", "True", null, null, minutesAgo(50)))
                .addToContainerStatuses(new ContainerStatusBuilder().withName(app).withImage("registry.example/" + app + ":1")
                        .withReady(true).withStarted(true).withRestartCount(0)
                        .withNewState().withNewRunning().withStartedAt(minutesAgo(55)).endRunning().endState().build())
                .endStatus().build();
    }

    static io.fabric8.kubernetes.api.model.PodCondition condition(String type, String status, String reason,
            String message, String lastTransition) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(lastTransition).build();
    }

    /** Ready=False since the given time, the app container running but not ready. */
    static Pod notReadySince(Pod pod, String since) {
        return new PodBuilder(pod).editStatus()
                .withConditions(condition("PodScheduled", "True", null, null, minutesAgo(60)),
                        condition("Ready", "False", "ContainersNotReady", null, since))
                .withContainerStatuses(new ContainerStatusBuilder(pod.getStatus().getContainerStatuses().get(0))
                        .withReady(false).withNewState().withNewRunning().withStartedAt(since).endRunning().endState().build())
                .endStatus().build();
    }

    static UnaryOperator<Pod> notReadyFor(long minutes) {
        return p -> notReadySince(p, minutesAgo(minutes));
    }

    /** The app container waiting with this kubelet reason; not ready since 3 minutes. */
    static UnaryOperator<Pod> waiting(String reason, String message, int restarts) {
        return p -> {
            Pod notReady = notReadySince(p, minutesAgo(3));
            ContainerStatus status = new ContainerStatusBuilder(notReady.getStatus().getContainerStatuses().get(0))
                    .withRestartCount(restarts)
                    .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                    .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                    .withFinishedAt(minutesAgo(1)).endTerminated().endLastState()
                    .build();
            return new PodBuilder(notReady).editStatus().withContainerStatuses(status).endStatus().build();
        };
    }

    static UnaryOperator<Pod> crashLooping() {
        return waiting("CrashLoopBackOff", "back-off 5m0s restarting failed container", 4);
    }

    static UnaryOperator<Pod> oomKilled(long finishedMinutesAgo) {
        return p -> {
            ContainerStatus status = new ContainerStatusBuilder(p.getStatus().getContainerStatuses().get(0))
                    .withRestartCount(1)
                    .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                    .withFinishedAt(minutesAgo(finishedMinutesAgo)).endTerminated().endLastState().build();
            return new PodBuilder(p).editStatus().withContainerStatuses(status).endStatus().build();
        };
    }

    /** An init container in the given state; the app container waits in PodInitializing. */
    static UnaryOperator<Pod> initContainer(ContainerStatus init) {
        return p -> new PodBuilder(p).editStatus().withPhase("Pending")
                .withConditions(condition("PodScheduled", "True", null, null, minutesAgo(60)),
                        condition("Ready", "False", "ContainersNotReady", null, minutesAgo(4)))
                .withInitContainerStatuses(init)
                .withContainerStatuses(new ContainerStatusBuilder(p.getStatus().getContainerStatuses().get(0))
                        .withReady(false).withNewState().withNewWaiting().withReason("PodInitializing").endWaiting()
                        .endState().build())
                .endStatus().build();
    }

    static ContainerStatus initWaiting(String reason) {
        return new ContainerStatusBuilder().withName("migrate").withImage("registry.example/migrate:1").withReady(false)
                .withRestartCount(3).withNewState().withNewWaiting().withReason(reason).endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(2).withReason("Error").endTerminated().endLastState()
                .build();
    }

    static ContainerStatus initExited(int exitCode) {
        return new ContainerStatusBuilder().withName("migrate").withReady(false).withRestartCount(0)
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(exitCode == 0 ? "Completed" : "Error")
                .endTerminated().endState().build();
    }

    static UnaryOperator<Pod> failed(String reason, String message) {
        return p -> new PodBuilder(p).editStatus().withPhase("Failed").withReason(reason).withMessage(message)
                .withConditions(condition("Ready", "False", "PodFailed", null, minutesAgo(2))).endStatus().build();
    }

    /** Pending and not scheduled, created {@code minutes} ago. */
    static UnaryOperator<Pod> unscheduled(long minutes, String reason, String message) {
        return p -> new PodBuilder(p).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata()
                .editSpec().withNodeName(null).endSpec()
                .withNewStatus().withPhase("Pending")
                .addToConditions(condition("PodScheduled", "False", reason, message, minutesAgo(minutes)))
                .endStatus().build();
    }

    /** Just created, the scheduler has not looked at it yet. */
    static UnaryOperator<Pod> notYetScheduled(long minutes) {
        return p -> new PodBuilder(p).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata()
                .editSpec().withNodeName(null).endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build();
    }

    /** Scheduled, Pending (containers being created), created {@code minutes} ago. */
    static UnaryOperator<Pod> pendingScheduled(long minutes) {
        return p -> new PodBuilder(p).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata()
                .withNewStatus().withPhase("Pending")
                .addToConditions(condition("PodScheduled", "True", null, null, minutesAgo(minutes)))
                .addToContainerStatuses(new ContainerStatusBuilder().withName("app").withReady(false).withRestartCount(0)
                        .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState().build())
                .endStatus().build();
    }

    static UnaryOperator<Pod> restarts(int n) {
        return p -> new PodBuilder(p).editStatus().withContainerStatuses(
                new ContainerStatusBuilder(p.getStatus().getContainerStatuses().get(0)).withRestartCount(n).build())
                .endStatus().build();
    }

    /** Deletion requested; the deletion timestamp (deletion start + grace) was {@code minutes} ago. */
    static UnaryOperator<Pod> terminating(long minutes) {
        return p -> new PodBuilder(p).editMetadata().withDeletionTimestamp(minutesAgo(minutes))
                .withDeletionGracePeriodSeconds(30L).endMetadata().build();
    }

    static UnaryOperator<Pod> revision(String revision) {
        return p -> new PodBuilder(p).editMetadata().addToLabels(WellKnownLabels.CONTROLLER_REVISION_HASH, revision).endMetadata().build();
    }

    static UnaryOperator<Pod> createdMinutesAgo(long minutes) {
        return p -> new PodBuilder(p).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata().build();
    }

    /** Pending claim, created {@code minutes} ago, with the given class. */
    static UnaryOperator<PersistentVolumeClaim> pendingClaim(String storageClass, long minutes) {
        return c -> new PersistentVolumeClaimBuilder(c).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata()
                .editSpec().withStorageClassName(storageClass).withVolumeName(null).endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build();
    }

    static UnaryOperator<PersistentVolumeClaim> requesting(String size) {
        return c -> new PersistentVolumeClaimBuilder(c).editSpec().editResources()
                .addToRequests("storage", new Quantity(size)).endResources().endSpec().build();
    }

    static UnaryOperator<Pod> onNode(String node) {
        return p -> new PodBuilder(p).editSpec().withNodeName(node).endSpec().build();
    }

    static UnaryOperator<Pod> phase(String phase) {
        return p -> new PodBuilder(p).editStatus().withPhase(phase).endStatus().build();
    }

    /** The app container declares this port (as the renderer writes the spec's ports). */
    static UnaryOperator<Pod> containerPort(String name, int port) {
        return p -> new PodBuilder(p).editSpec().editFirstContainer().addNewPort().withName(name).withContainerPort(port)
                .withProtocol("TCP").endPort().endContainer().endSpec().build();
    }

    static UnaryOperator<Pod> withoutReadinessProbe() {
        return p -> new PodBuilder(p).editSpec().editFirstContainer().withReadinessProbe(null).endContainer().endSpec().build();
    }

    /** Created {@code minutes} ago and held by a scheduling gate, as the scheduler reports it. */
    static UnaryOperator<Pod> schedulingGated(long minutes) {
        return p -> new PodBuilder(p).editMetadata().withCreationTimestamp(minutesAgo(minutes)).endMetadata()
                .editSpec().withNodeName(null).addNewSchedulingGate().withName("example.com/quota-check").endSchedulingGate()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .addToConditions(condition("PodScheduled", "False", "SchedulingGated", "Scheduling is blocked due to"
                        + " non-empty scheduling gates", minutesAgo(minutes)))
                .endStatus().build();
    }

    /** A crash loop whose last run ended with this exit code and termination message. */
    static UnaryOperator<Pod> crashLoopingWith(int exitCode, String reason, String terminationMessage) {
        return p -> {
            Pod looping = crashLooping().apply(p);
            ContainerStatus status = new ContainerStatusBuilder(looping.getStatus().getContainerStatuses().get(0))
                    .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason(reason)
                    .withMessage(terminationMessage).withFinishedAt(minutesAgo(1)).endTerminated().endLastState().build();
            return new PodBuilder(looping).editStatus().withContainerStatuses(status).endStatus().build();
        };
    }
}
