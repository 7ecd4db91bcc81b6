package io.statefulapps.health;

import java.time.Instant;

/**
 * What every assessor reads besides its own object: the snapshot, the settings, the snapshot's
 * events by object, the kubectl commands hints are written with, and the due times the time rules
 * leave behind. Built once per report.
 */
record AssessmentContext(ClusterSnapshot snapshot, HealthSettings settings, EventIndex events, Kubectl kubectl,
        DueTimes dueTimes) {

    static AssessmentContext of(ClusterSnapshot snapshot, HealthSettings settings) {
        return new AssessmentContext(snapshot, settings, EventIndex.of(snapshot.events()),
                new Kubectl(snapshot.namespace()), new DueTimes(snapshot.now()));
    }

    /**
     * Whether now is strictly after the threshold; if not, the threshold is a due time. Rules
     * compare with {@code now} only through this, never with {@code now()} directly.
     */
    boolean passed(Instant threshold) {
        return dueTimes.passed(threshold);
    }

    /** The report may read differently from this instant on (an elapsed time in a message ticks). */
    void dueAt(Instant change) {
        dueTimes.dueAt(change);
    }

    /** The moment of the assessment, for texts that state an elapsed time (pair with {@link #dueAt}). */
    Instant now() {
        return snapshot.now();
    }

    String namespace() {
        return snapshot.namespace();
    }
}
