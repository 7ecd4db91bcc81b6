package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Builds containerStatuses entries the way the kubelet reports them. */
final class ContainerStatuses {

    /** What a {@code crashloop} container writes to its termination log before it exits 1. */
    static final String CRASH_MESSAGE =
            "unrecoverable error: cannot reach storage backend: connect: connection refused";
    /** What an {@code oomkill} container's log ends with when the kernel kills it (exit 137). */
    static final String OOM_MESSAGE = "Killed";

    private ContainerStatuses() {
    }

    static ContainerStatus creating(Container c) {
        return base(c).withReady(false).withStarted(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting()
                        .build())
                .build();
    }

    static ContainerStatus waitingInit(Container c) {
        return base(c).withReady(false).withStarted(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason("PodInitializing").endWaiting()
                        .build())
                .build();
    }

    static ContainerStatus completed(Pod pod, Container c, Instant start, Instant end) {
        return base(c).withReady(true).withStarted(false).withRestartCount(0).withContainerID(id(pod, c, 0))
                .withImageID(imageId(c)).withState(terminated(0, "Completed", null, start, end, id(pod, c, 0))).build();
    }

    static ContainerStatus running(Pod pod, Container c, Instant since, boolean ready, int restarts,
            ContainerState last) {
        return base(c).withReady(ready).withStarted(true).withRestartCount(restarts)
                .withContainerID(id(pod, c, restarts))
                .withImageID(imageId(c)).withLastState(last)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(TimeFormats.rfc3339(since))
                        .endRunning().build())
                .build();
    }

    static ContainerStatus pullFailing(Container c, boolean backingOff) {
        String image = c.getImage();
        String message = backingOff ? "Back-off pulling image \"" + image + "\""
                : pullError(image);
        return base(c).withReady(false).withStarted(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(backingOff ? "ImagePullBackOff"
                        : "ErrImagePull")
                        .withMessage(message).endWaiting().build())
                .build();
    }

    static ContainerStatus crashing(Pod pod, Container c, ContainerTimeline.CrashState s, ImageFault fault) {
        ContainerState last = s.previousEnd() == null ? null
                : crash(pod, c, fault, s.previousStart(), s.previousEnd(), s.restarts() - 1);
        if (s.running()) {
            return running(pod, c, s.runStart(), false, s.restarts(), last);
        }
        String message = "back-off " + TimeFormats.goDuration(s.backoff()) + " restarting failed container="
                + c.getName()
                + " pod=" + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
                + pod.getMetadata().getUid() + ")";
        ContainerState terminated = crash(pod, c, fault, s.runStart(), s.runEnd(), s.restarts());
        if (s.backoff().isZero()) {
            return base(c).withReady(false).withStarted(false).withRestartCount(s.restarts())
                    .withContainerID(id(pod, c, s.restarts())).withImageID(imageId(c)).withLastState(last)
                    .withState(terminated).build();
        }
        return base(c).withReady(false).withStarted(false).withRestartCount(s.restarts())
                .withContainerID(id(pod, c, s.restarts())).withImageID(imageId(c)).withLastState(terminated)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                        .withMessage(message)
                        .endWaiting().build())
                .build();
    }

    static String pullError(String image) {
        String ref = canonical(image);
        return "failed to pull and unpack image \"" + ref + "\": failed to resolve reference \"" + ref + "\": "
                + ref + ": not found";
    }

    /** A crash as the runtime reports it: the exit code, and the message the app left (its log's last words). */
    private static ContainerState crash(Pod pod, Container c, ImageFault fault, Instant start, Instant end, int run) {
        boolean oom = fault == ImageFault.OOM_KILL;
        return terminated(oom ? 137 : 1, oom ? "OOMKilled" : "Error", oom ? OOM_MESSAGE : CRASH_MESSAGE, start, end,
                id(pod, c, run));
    }

    private static ContainerState terminated(int code, String reason, String message, Instant start, Instant end,
            String id) {
        return new ContainerStateBuilder().withNewTerminated().withExitCode(code).withReason(reason)
                .withMessage(message)
                .withStartedAt(TimeFormats.rfc3339(start)).withFinishedAt(TimeFormats.rfc3339(end)).withContainerID(id)
                .endTerminated().build();
    }

    private static ContainerStatusBuilder base(Container c) {
        return new ContainerStatusBuilder().withName(c.getName()).withImage(canonical(c.getImage())).withImageID("");
    }

    /** docker.io/library/nginx:1.27 for nginx:1.27, as containerd reports it. */
    static String canonical(String image) {
        String ref = image == null ? "" : image;
        String first = ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : "";
        if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            ref = "docker.io/" + (ref.contains("/") ? "" : "library/") + ref;
        }
        return ref.substring(ref.lastIndexOf('/') + 1).contains(":") || ref.contains("@") ? ref : ref + ":latest";
    }

    private static String imageId(Container c) {
        String ref = canonical(c.getImage());
        int tag = ref.lastIndexOf(':');
        return ref.substring(0, tag > ref.lastIndexOf('/') ? tag : ref.length()) + "@sha256:" + sha256(ref);
    }

    private static String id(Pod pod, Container c, int run) {
        return "containerd://" + sha256(pod.getMetadata().getUid() + "/" + c.getName() + "/" + run);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
