package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;

import java.time.Instant;

/**
 * When a pod's status or the kubelet's events for it will next change on their own, so the
 * kubelet looks at the pod again exactly then and not in between. Follows the same timeline as
 * {@link PodStatusFactory} and {@link KubeletEvents}: sandbox, init containers one after another,
 * then the app containers and each fault's clock (pull back-off, crash loop, failing probes,
 * sandbox and mount retries). Null when nothing more will happen without a change.
 */
final class PodMilestones {

    private final SimulatorSettings settings;

    PodMilestones(SimulatorSettings settings) {
        this.settings = settings;
    }

    Instant next(PodOnNode p, Instant now) {
        Instant boundAt = p.placement().boundAt();
        Instant sandbox = boundAt.plus(settings.podStartDelay());
        Next next = new Next(now);
        switch (p.block().kind()) {
            case MOUNT -> {
                next.consider(new RetrySchedule(boundAt, settings.crashLoopBackoff()).nextAfter(now));
                long timeouts = KubeletVolumeEvents.timeouts(boundAt, settings, now);
                next.consider(boundAt.plus(settings.volumeMountTimeout().multipliedBy(timeouts + 1)));
                return next.earliest;
            }
            case SANDBOX -> {
                next.consider(sandbox);
                next.consider(new RetrySchedule(sandbox, settings.crashLoopBackoff()).nextAfter(now));
                return next.earliest;
            }
            default -> next.consider(sandbox);
        }
        if (now.isBefore(sandbox)) {
            return sandbox;
        }
        Instant t = sandbox;
        for (Container c : p.pod().getSpec().getInitContainers()) {
            ImageFault fault = ImageFault.of(c.getImage());
            ContainerTimeline timeline = new ContainerTimeline(fault, t, settings);
            if (fault == ImageFault.PULL_FAIL || fault.crashes()) {
                considerFault(next, c, fault, timeline, t, false);
                return next.earliest;
            }
            t = t.plus(settings.podStartDelay());
            if (now.isBefore(t)) {
                return t;
            }
        }
        for (Container c : p.pod().getSpec().getContainers()) {
            ImageFault fault = ImageFault.of(c.getImage());
            considerFault(next, c, fault, new ContainerTimeline(fault, t, settings), t, true);
        }
        return next.earliest;
    }

    private void considerFault(Next next, Container c, ImageFault fault, ContainerTimeline timeline, Instant start,
            boolean app) {
        switch (fault) {
            case PULL_FAIL -> next.consider(start.plus(settings.crashLoopBackoff()));
            case CRASH_LOOP, OOM_KILL -> {
                ContainerTimeline.CrashState s = timeline.crashAt(next.now);
                next.consider(s.running() ? s.runEnd() : s.runEnd().plus(s.backoff()));
            }
            case NOT_READY -> {
                if (app) {
                    next.consider(new RetrySchedule(timeline.readyAt(c), ProbeTiming.readinessPeriod(c))
                            .nextAfter(next.now));
                }
            }
            default -> next.consider(timeline.readyAt(c));
        }
    }

    /** The earliest moment after now among those considered. */
    private static final class Next {

        private final Instant now;
        private Instant earliest;

        Next(Instant now) {
            this.now = now;
        }

        void consider(Instant moment) {
            if (moment.isAfter(now) && (earliest == null || moment.isBefore(earliest))) {
                earliest = moment;
            }
        }
    }
}
