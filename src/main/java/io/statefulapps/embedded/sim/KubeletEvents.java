package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kubelet's events for a pod, each emitted once when its moment has come: Pulling/Pulled,
 * Created, Started per (re)start, and the Warnings of the faults (Failed, BackOff, Unhealthy).
 * Restarts repeat the same message, so the recorder bumps {@code count} instead of adding Events.
 */
final class KubeletEvents {

    private final EventRecorder recorder;
    private final SimulatorSettings settings;
    private final Map<String, Set<String>> emitted = new HashMap<>();

    KubeletEvents(EventRecorder recorder, SimulatorSettings settings) {
        this.recorder = recorder;
        this.settings = settings;
    }

    void forget(String uid) {
        emitted.remove(uid);
    }

    void emit(Pod pod, String node, PodStatusFactory.Placement placement, Instant now) {
        Set<String> done = emitted.computeIfAbsent(pod.getMetadata().getUid(), u -> new HashSet<>());
        Instant t = placement.boundAt().plus(settings.podStartDelay());
        if (now.isBefore(t)) {
            return;
        }
        List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
        int inits = all.size();
        all.addAll(pod.getSpec().getContainers());
        for (int i = 0; i < all.size(); i++) {
            Container c = all.get(i);
            ImageFault fault = ImageFault.of(c.getImage());
            boolean init = i < inits;
            ContainerTimeline timeline = new ContainerTimeline(fault, t, settings);
            if (fault == ImageFault.PULL_FAIL) {
                once(done, pod, node, c.getName() + "/pulling", "Normal", "Pulling", "Pulling image \"" + c.getImage() + "\"");
                once(done, pod, node, c.getName() + "/failed", "Warning", "Failed", "Failed to pull image \""
                        + c.getImage() + "\": rpc error: code = NotFound desc = " + ContainerStatuses.pullError(c.getImage()));
                once(done, pod, node, c.getName() + "/errpull", "Warning", "Failed", "Error: ErrImagePull");
                if (timeline.pullBackingOff(now)) {
                    once(done, pod, node, c.getName() + "/backoff", "Normal", "BackOff", "Back-off pulling image \""
                            + c.getImage() + "\"");
                    once(done, pod, node, c.getName() + "/errbackoff", "Warning", "Failed", "Error: ImagePullBackOff");
                }
                return; // nothing after a container that cannot start
            }
            started(done, pod, node, c, 0);
            if (fault.crashes()) {
                ContainerTimeline.CrashState s = timeline.crashAt(now);
                for (int run = 1; run <= s.restarts(); run++) {
                    started(done, pod, node, c, run);
                }
                if (!s.running() && !s.backoff().isZero()) {
                    once(done, pod, node, c.getName() + "/crash" + s.restarts(), "Warning", "BackOff",
                            "Back-off restarting failed container " + c.getName() + " in pod " + pod.getMetadata().getName() + "_"
                                    + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")");
                }
                if (init) {
                    return;
                }
            } else if (fault == ImageFault.NOT_READY && !init && !now.isBefore(t.plus(settings.podReadyDelay()))) {
                once(done, pod, node, c.getName() + "/unhealthy", "Warning", "Unhealthy",
                        "Readiness probe failed: " + probeFailure(pod, c.getReadinessProbe()));
            }
            if (init) {
                t = t.plus(settings.podStartDelay());
                if (now.isBefore(t)) {
                    return;
                }
            }
        }
    }

    private void started(Set<String> done, Pod pod, String node, Container c, int run) {
        String key = c.getName() + "/run" + run;
        if (done.contains(key)) {
            return;
        }
        String image = c.getImage();
        if ("Always".equals(c.getImagePullPolicy())) {
            once(done, pod, node, key + "/pulling", "Normal", "Pulling", "Pulling image \"" + image + "\"");
            once(done, pod, node, key + "/pulled", "Normal", "Pulled", "Successfully pulled image \"" + image
                    + "\" in 312ms (312ms including waiting). Image size: 52428800 bytes.");
        } else {
            once(done, pod, node, key + "/pulled", "Normal", "Pulled", "Container image \"" + image
                    + "\" already present on machine");
        }
        once(done, pod, node, key + "/created", "Normal", "Created", "Created container: " + c.getName());
        once(done, pod, node, key, "Normal", "Started", "Started container " + c.getName());
    }

    private static String probeFailure(Pod pod, Probe probe) {
        String ip = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "" : pod.getStatus().getPodIP();
        if (probe != null && probe.getHttpGet() != null) {
            return "HTTP probe failed with statuscode: 503";
        }
        if (probe != null && probe.getTcpSocket() != null) {
            return "dial tcp " + ip + ":" + probe.getTcpSocket().getPort().getValue() + ": connect: connection refused";
        }
        return "command failed: exit status 1";
    }

    private void once(Set<String> done, Pod pod, String node, String key, String type, String reason, String message) {
        if (done.add(key)) {
            recorder.record(pod, type, reason, message, "kubelet", node);
        }
    }
}
