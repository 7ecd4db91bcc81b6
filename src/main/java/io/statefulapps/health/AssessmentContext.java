package io.statefulapps.health;

import java.time.Instant;

/**
 * What every assessor reads besides its own object: the snapshot, the settings, the snapshot's
 * events by object, and the kubectl commands hints are written with. Built once per report.
 */
record AssessmentContext(ClusterSnapshot snapshot, HealthSettings settings, EventIndex events, Kubectl kubectl) {

    static AssessmentContext of(ClusterSnapshot snapshot, HealthSettings settings) {
        return new AssessmentContext(snapshot, settings, EventIndex.of(snapshot.events()),
                new Kubectl(snapshot.namespace()));
    }

    Instant now() {
        return snapshot.now();
    }

    String namespace() {
        return snapshot.namespace();
    }
}
