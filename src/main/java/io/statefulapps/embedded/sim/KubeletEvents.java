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
 * Created, Started per (re)start, and the Warnings of the faults (Failed, BackOff, Unhealthy,
 * FailedMount, FailedCreatePodSandBox, FailedToRetrieveImagePullSecret). Repeats carry the same
 * message, so the recorder bumps {@code count} instead of adding Events.
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

    void emit(PodOnNode p, Instant now) {
        Emission e = new Emission(p, emitted.computeIfAbsent(p.pod().getMetadata().getUid(), u -> new HashSet<>()));
        if (p.block().kind() == PodStartBlock.Kind.MOUNT) {
            KubeletVolumeEvents.emit(e, settings, now);
            return;
        }
        Instant t = p.placement().boundAt().plus(settings.podStartDelay());
        if (now.isBefore(t)) {
            return;
        }
        if (p.block().kind() == PodStartBlock.Kind.SANDBOX) {
            int attempts = new RetrySchedule(t, settings.crashLoopBackoff()).attemptsBy(now);
            e.once(null, "sandbox#" + attempts, EventRecorder.WARNING, "FailedCreatePodSandBox",
                    "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network"
                            + " for sandbox \""
                            + ContainerStatuses.sha256(p.pod().getMetadata().getUid() + "/sandbox")
                            + "\": plugin type=\"bridge\" failed (add): failed to allocate for range 0: no IP addresses"
                            + " available in range set: 10.244.0.1-10.244.0.254");
            return;
        }
        containers(e, t, now);
    }

    private void containers(Emission e, Instant start, Instant now) {
        Pod pod = e.pod();
        List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
        int inits = all.size();
        all.addAll(pod.getSpec().getContainers());
        Instant t = start;
        for (int i = 0; i < all.size(); i++) {
            Container c = all.get(i);
            boolean init = i < inits;
            String field = (init ? "spec.initContainers{" : "spec.containers{") + c.getName() + "}";
            ImageFault fault = ImageFault.of(c.getImage());
            ContainerTimeline timeline = new ContainerTimeline(fault, t, settings);
            if (fault == ImageFault.PULL_FAIL) {
                pullFailing(e, c, field, timeline, now);
                return; // nothing after a container that cannot start
            }
            started(e, c, field, 0);
            if (fault.crashes()) {
                ContainerTimeline.CrashState s = timeline.crashAt(now);
                for (int run = 1; run <= s.restarts(); run++) {
                    started(e, c, field, run);
                }
                if (!s.running() && !s.backoff().isZero()) {
                    e.once(field, c.getName() + "/crash" + s.restarts(), EventRecorder.WARNING, "BackOff",
                            "Back-off restarting failed container " + c.getName() + " in pod " + pod.getMetadata()
                                    .getName()
                                    + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")");
                }
                if (init) {
                    return;
                }
            } else if (fault == ImageFault.NOT_READY && !init) {
                unhealthy(e, c, field, t, now);
            }
            if (init) {
                t = t.plus(settings.podStartDelay());
                if (now.isBefore(t)) {
                    return;
                }
            }
        }
    }

    private void pullFailing(Emission e, Container c, String field, ContainerTimeline timeline, Instant now) {
        String image = c.getImage();
        pullSecrets(e, c.getName() + "/pull");
        e.once(field, c.getName() + "/pulling", EventRecorder.NORMAL, "Pulling", "Pulling image \"" + image + "\"");
        e.once(field, c.getName() + "/failed", EventRecorder.WARNING, "Failed", "Failed to pull image \"" + image
                + "\": rpc error: code = NotFound desc = " + ContainerStatuses.pullError(image));
        e.once(field, c.getName() + "/errpull", EventRecorder.WARNING, "Failed", "Error: ErrImagePull");
        if (timeline.pullBackingOff(now)) {
            e.once(field, c.getName() + "/backoff", EventRecorder.NORMAL, "BackOff", "Back-off pulling image \""
                    + image + "\"");
            e.once(field, c.getName() + "/errbackoff", EventRecorder.WARNING, "Failed", "Error: ImagePullBackOff");
        }
    }

    private void started(Emission e, Container c, String field, int run) {
        String key = c.getName() + "/run" + run;
        if (e.done(key)) {
            return;
        }
        String image = c.getImage();
        pullSecrets(e, key);
        if ("Always".equals(c.getImagePullPolicy())) {
            e.once(field, key + "/pulling", EventRecorder.NORMAL, "Pulling", "Pulling image \"" + image + "\"");
            e.once(field, key + "/pulled", EventRecorder.NORMAL, "Pulled", "Successfully pulled image \"" + image
                    + "\" in 312ms (312ms including waiting). Image size: 52428800 bytes.");
        } else {
            e.once(field, key + "/pulled", EventRecorder.NORMAL, "Pulled", "Container image \"" + image
                    + "\" already present on machine");
        }
        e.once(field, key + "/created", EventRecorder.NORMAL, "Created", "Created container: " + c.getName());
        e.once(field, key, EventRecorder.NORMAL, "Started", "Started container " + c.getName());
    }

    /** Before each pull the kubelet looks up the pod's pull secrets, and says which it could not find. */
    private void pullSecrets(Emission e, String key) {
        if (!e.podOnNode().missingPullSecrets().isEmpty()) {
            e.once(null, key + "/secrets", EventRecorder.WARNING, "FailedToRetrieveImagePullSecret",
                    "Unable to retrieve some image pull secrets (" + String.join(", ", e.podOnNode()
                            .missingPullSecrets())
                            + "); attempting to pull the image may not succeed.");
        }
    }

    /** A failing readiness probe, reported in its own words, again at each (backed-off) probe. */
    private void unhealthy(Emission e, Container c, String field, Instant running, Instant now) {
        Probe probe = c.getReadinessProbe();
        Instant first = running.plus(ProbeTiming.untilReady(c, settings));
        int failures = new RetrySchedule(first, ProbeTiming.readinessPeriod(c)).attemptsBy(now);
        if (failures > 0) {
            e.once(field, c.getName() + "/unhealthy#" + failures, EventRecorder.WARNING, "Unhealthy",
                    "Readiness probe failed: " + probeFailure(e.pod(), probe));
        }
    }

    static String probeFailure(Pod pod, Probe probe) {
        String ip = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "" : pod.getStatus().getPodIP();
        if (probe != null && probe.getHttpGet() != null) {
            return "HTTP probe failed with statuscode: 503";
        }
        if (probe != null && probe.getTcpSocket() != null) {
            return "dial tcp " + ip + ":" + probe.getTcpSocket().getPort().getValue() + ": connect: connection refused";
        }
        return "command failed: exit status 1";
    }

    /** The events of one pod at one look, each emitted at most once (by key). */
    final class Emission {

        private final PodOnNode podOnNode;
        private final Set<String> done;

        Emission(PodOnNode podOnNode, Set<String> done) {
            this.podOnNode = podOnNode;
            this.done = done;
        }

        PodOnNode podOnNode() {
            return podOnNode;
        }

        Pod pod() {
            return podOnNode.pod();
        }

        boolean done(String key) {
            return done.contains(key);
        }

        void once(String fieldPath, String key, String type, String reason, String message) {
            if (done.add(key)) {
                recorder.record(podOnNode.pod(), fieldPath, type, reason, message,
                        new EventRecorder.Source("kubelet", podOnNode.node()));
            }
        }
    }
}
