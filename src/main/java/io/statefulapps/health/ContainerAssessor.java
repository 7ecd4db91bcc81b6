package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The (init) containers of one pod: what the kubelet says about each, and the failures among it.
 * Init containers are checked like app containers (Argo CD skips them): a pod whose init
 * container crash-loops never starts.
 */
final class ContainerAssessor {

    private ContainerAssessor() {
    }

    static PartAssessment<List<ContainerReport>> assess(Pod pod, AssessmentContext context) {
        List<ContainerReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ContainerStatus status : PodReads.initContainerStatuses(pod)) {
            reports.add(report(status, true));
            check(status, true, pod, context).ifPresent(findings::add);
        }
        for (ContainerStatus status : PodReads.containerStatuses(pod)) {
            reports.add(report(status, false));
            check(status, false, pod, context).ifPresent(findings::add);
        }
        return new PartAssessment<>(reports, findings);
    }

    private static Optional<Finding> check(ContainerStatus status, boolean init, Pod pod, AssessmentContext context) {
        String podName = MetadataReads.name(pod);
        String who = (init ? "init container " : "container ") + status.getName();
        ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
        ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();

        // An OOM kill explains a crash loop better than the loop itself, so it wins over CrashLoopBackOff.
        ContainerStateTerminated oom = terminated != null && "OOMKilled".equals(terminated.getReason()) ? terminated
                : last != null && "OOMKilled".equals(last.getReason()) && finishedWithin(last, context)
                        ? last : null;
        if (oom != null) {
            String loop = waiting != null && "CrashLoopBackOff".equals(waiting.getReason()) ? ", now in CrashLoopBackOff" : "";
            return Optional.of(Finding.of(Reason.OOMKilled, "Pod/" + podName,
                    who + " was killed for exceeding its memory limit (exit code " + oom.getExitCode() + ", restarts: "
                            + restartCount(status) + loop + ")",
                    "raise the memory limit of " + status.getName() + " or lower the app's heap; check "
                            + context.kubectl().describe("pod", podName)).since(Timestamps.parse(oom.getFinishedAt())));
        }
        if (waiting != null && waiting.getReason() != null) {
            return Optional.ofNullable(waitingFinding(waiting, status, init, pod, context, last));
        }
        if (init && terminated != null && Objects.requireNonNullElse(terminated.getExitCode(), 0) != 0) {
            return Optional.of(Finding.of(Reason.InitContainerFailed, "Pod/" + podName,
                    who + " exited with code " + TerminationText.exitCode(terminated),
                    "read its output: " + context.kubectl().logs(podName, status.getName(), false))
                    .since(Timestamps.parse(terminated.getFinishedAt())));
        }
        return Optional.empty();
    }

    private static Finding waitingFinding(ContainerStateWaiting waiting, ContainerStatus status, boolean init,
            Pod pod, AssessmentContext context, ContainerStateTerminated last) {
        String podName = MetadataReads.name(pod);
        String object = "Pod/" + podName;
        Kubectl kubectl = context.kubectl();
        String who = (init ? "init container " : "container ") + status.getName();
        String reason = waiting.getReason();
        String detail = waiting.getMessage() == null || waiting.getMessage().isBlank() ? "" : ": " + waiting.getMessage();
        Instant since = troubleSince(pod);
        switch (reason) {
            case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> {
                String image = status.getImage() == null ? "" : " (image " + status.getImage() + ")";
                return Finding.of(Reason.valueOf(reason), object, who + " cannot pull its image" + image + detail,
                        ImagePullHint.of(pod, context)).since(since);
            }
            case "CreateContainerConfigError" -> {
                return Finding.of(Reason.CreateContainerConfigError, object, who + " cannot be configured" + detail,
                        "a referenced ConfigMap, Secret or key is probably missing: " + kubectl.describe("pod", podName))
                        .since(since);
            }
            default -> {
                // fall through to the generic rules below
            }
        }
        boolean crashLoop = "CrashLoopBackOff".equals(reason);
        boolean error = reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
        if (!crashLoop && !error) {
            return null; // ContainerCreating, PodInitializing: normal start-up
        }
        String lastRun = TerminationText.lastRun(last);
        String logs = "read the crashed run's output: " + kubectl.logs(podName, status.getName(), true);
        String restarts = restartCount(status) + " restarts";
        if (init) {
            return Finding.of(Reason.InitContainerFailed, object,
                    who + " keeps failing: " + reason + ", " + restarts + lastRun + detail, logs).since(since);
        }
        if (crashLoop) {
            return Finding.of(Reason.CrashLoopBackOff, object, who + " is crash-looping: " + restarts + lastRun, logs)
                    .since(since);
        }
        return Finding.of(Reason.ContainerError, object, who + " cannot start: " + reason + detail + lastRun,
                "check the container's command, mounts and security context: " + kubectl.describe("pod", podName))
                .since(since);
    }

    /** Since when a container's trouble keeps the pod from serving: its Ready condition turned False (or it was created). */
    private static Instant troubleSince(Pod pod) {
        Instant notReady = PodReads.isReady(pod) ? null : PodReads.conditionChanged(pod, "Ready");
        return notReady != null ? notReady : MetadataReads.created(pod);
    }

    private static boolean finishedWithin(ContainerStateTerminated terminated, AssessmentContext context) {
        Instant finished = Timestamps.parse(terminated.getFinishedAt());
        // Without a finish time we cannot tell how old it is; an OOM kill is worth reporting anyway.
        return finished == null || !context.passed(finished.plus(context.settings().recentTermination()));
    }

    private static int restartCount(ContainerStatus status) {
        return Objects.requireNonNullElse(status.getRestartCount(), 0);
    }

    private static ContainerReport report(ContainerStatus status, boolean init) {
        ContainerState state = status.getState();
        String stateName = null;
        String reason = null;
        Integer exitCode = null;
        if (state != null && state.getWaiting() != null) {
            stateName = "waiting";
            reason = state.getWaiting().getReason();
        } else if (state != null && state.getTerminated() != null) {
            stateName = "terminated";
            reason = state.getTerminated().getReason();
            exitCode = state.getTerminated().getExitCode();
        } else if (state != null && state.getRunning() != null) {
            stateName = "running";
        }
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        return new ContainerReport(status.getName(), init, stateName, reason, exitCode,
                Boolean.TRUE.equals(status.getReady()), restartCount(status),
                last == null ? null : last.getReason(), last == null ? null : last.getExitCode());
    }
}
