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

    static PartAssessment<List<ContainerReport>> assess(Pod pod, Kubectl kubectl, HealthSettings settings, Instant now) {
        List<ContainerReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String podName = MetadataReads.name(pod);
        for (ContainerStatus status : PodReads.initContainerStatuses(pod)) {
            reports.add(report(status, true));
            check(status, true, podName, kubectl, settings, now).ifPresent(findings::add);
        }
        for (ContainerStatus status : PodReads.containerStatuses(pod)) {
            reports.add(report(status, false));
            check(status, false, podName, kubectl, settings, now).ifPresent(findings::add);
        }
        return new PartAssessment<>(reports, findings);
    }

    private static Optional<Finding> check(ContainerStatus status, boolean init, String pod, Kubectl kubectl,
            HealthSettings settings, Instant now) {
        String object = "Pod/" + pod;
        String who = (init ? "init container " : "container ") + status.getName();
        ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
        ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();

        // An OOM kill explains a crash loop better than the loop itself, so it wins over CrashLoopBackOff.
        boolean oomNow = terminated != null && "OOMKilled".equals(terminated.getReason());
        boolean oomRecently = last != null && "OOMKilled".equals(last.getReason())
                && finishedWithin(last, settings, now);
        if (oomNow || oomRecently) {
            String loop = waiting != null && "CrashLoopBackOff".equals(waiting.getReason()) ? ", now in CrashLoopBackOff" : "";
            return Optional.of(Finding.of(Reason.OOMKilled, object,
                    who + " was killed for exceeding its memory limit (restarts: " + restartCount(status) + loop + ")",
                    "raise the memory limit of " + status.getName() + " or lower the app's heap; check "
                            + kubectl.describe("pod", pod)));
        }
        if (waiting != null && waiting.getReason() != null) {
            return Optional.ofNullable(waitingFinding(waiting, status, init, pod, kubectl, last));
        }
        if (init && terminated != null && Objects.requireNonNullElse(terminated.getExitCode(), 0) != 0) {
            return Optional.of(Finding.of(Reason.InitContainerFailed, object,
                    who + " exited with code " + terminated.getExitCode() + reasonSuffix(terminated.getReason()),
                    "read its output: " + kubectl.logs(pod, status.getName(), false)));
        }
        return Optional.empty();
    }

    private static Finding waitingFinding(ContainerStateWaiting waiting, ContainerStatus status, boolean init,
            String pod, Kubectl kubectl, ContainerStateTerminated last) {
        String object = "Pod/" + pod;
        String who = (init ? "init container " : "container ") + status.getName();
        String reason = waiting.getReason();
        String detail = waiting.getMessage() == null || waiting.getMessage().isBlank() ? "" : ": " + waiting.getMessage();
        String image = status.getImage() == null ? "" : " (image " + status.getImage() + ")";
        switch (reason) {
            case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> {
                return Finding.of(Reason.valueOf(reason), object, who + " cannot pull its image" + image + detail,
                        "check the image name and tag, that the registry is reachable and the pull secret: "
                                + kubectl.describe("pod", pod));
            }
            case "CreateContainerConfigError" -> {
                return Finding.of(Reason.CreateContainerConfigError, object, who + " cannot be configured" + detail,
                        "a referenced ConfigMap, Secret or key is probably missing: " + kubectl.describe("pod", pod));
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
        String lastRun = last == null ? "" : ", last exit code " + last.getExitCode() + reasonSuffix(last.getReason());
        String logs = "read the crashed run's output: " + kubectl.logs(pod, status.getName(), true);
        String restarts = restartCount(status) + " restarts";
        if (init) {
            return Finding.of(Reason.InitContainerFailed, object,
                    who + " keeps failing: " + reason + ", " + restarts + lastRun + detail, logs);
        }
        if (crashLoop) {
            return Finding.of(Reason.CrashLoopBackOff, object, who + " is crash-looping: " + restarts + lastRun, logs);
        }
        return Finding.of(Reason.ContainerError, object, who + " cannot start: " + reason + detail,
                "check the container's command, mounts and security context: " + kubectl.describe("pod", pod));
    }

    private static boolean finishedWithin(ContainerStateTerminated terminated, HealthSettings settings, Instant now) {
        Instant finished = Timestamps.parse(terminated.getFinishedAt());
        // Without a finish time we cannot tell how old it is; an OOM kill is worth reporting anyway.
        return finished == null || !finished.plus(settings.recentTermination()).isBefore(now);
    }

    private static int restartCount(ContainerStatus status) {
        return Objects.requireNonNullElse(status.getRestartCount(), 0);
    }

    private static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
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
