package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Volume;

import java.time.Instant;
import java.util.List;

/**
 * The kubelet's events for a pod whose volumes do not mount: {@code FailedMount} "MountVolume.SetUp
 * failed for volume ..." at each try (tries back off as the kubelet's do), and every
 * {@code volumeMountTimeout} the pod worker giving up on the wait: "Unable to attach or mount
 * volumes: ... timed out waiting for the condition".
 */
final class KubeletVolumeEvents {

    private KubeletVolumeEvents() {
    }

    static void emit(KubeletEvents.Emission e, SimulatorSettings settings, Instant now) {
        PodStartBlock block = e.podOnNode().block();
        Instant boundAt = e.podOnNode().placement().boundAt();
        int tries = new RetrySchedule(boundAt, settings.crashLoopBackoff()).attemptsBy(now);
        for (String volumeId : block.volumeIds()) {
            e.once(null, "mount/" + volumeId + "#" + tries, EventRecorder.WARNING, "FailedMount",
                    "MountVolume.SetUp failed for volume \"" + volumeId + "\" : rpc error: code = Internal desc ="
                            + " mount failed: exit status 32: mount.nfs: Connection timed out");
        }
        long timeouts = timeouts(boundAt, settings, now);
        if (timeouts > 0) {
            List<String> all = e.pod().getSpec().getVolumes().stream().map(Volume::getName).toList();
            e.once(null, "mount-timeout#" + timeouts, EventRecorder.WARNING, "FailedMount",
                    "Unable to attach or mount volumes: unmounted volumes=[" + String.join(" ", block.volumes())
                            + "], unattached volumes=[" + String.join(" ", all)
                            + "]: timed out waiting for the condition");
        }
    }

    /** How many times the wait for the volumes has timed out by {@code now}. */
    static long timeouts(Instant boundAt, SimulatorSettings settings, Instant now) {
        long waitMillis = Math.max(1, settings.volumeMountTimeout().toMillis());
        long elapsed = now.toEpochMilli() - boundAt.toEpochMilli();
        return elapsed < 0 ? 0 : elapsed / waitMillis;
    }
}
