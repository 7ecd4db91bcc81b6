package io.statefulapps.cluster.compaction;

import io.statefulapps.health.HealthReport;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.kubernetes.BoundedInterner;

/**
 * What the report store keeps of a report beside its JSON: its digest, with the summaries that most
 * reports repeat word for word ("Healthy: 2/2 pods ready, rollout Complete") shared.
 */
public final class ReportCompaction {

    private static final int SLOTS_POWER_OF_TWO = 12;

    private final BoundedInterner<String> summaries = new BoundedInterner<>(SLOTS_POWER_OF_TWO, String::equals);

    public ReportDigest digest(HealthReport report) {
        return ReportDigest.of(report, summaries::intern);
    }
}
