package io.statefulapps.health;

import java.time.Instant;

/**
 * A report and when it may next change by time alone, so that a store computing reports ahead of
 * reads recomputes exactly then instead of polling: deadlines (Pending, rollout, terminating,
 * load balancer, creation grace, recent OOM kill, not-ready margin) pass and elapsed times in
 * messages tick while no object changes.
 *
 * @param report       the report at the snapshot's {@code now}
 * @param nextChangeAt the first instant at which a time rule may make the report differ (beyond
 *                     {@code observedAt}); always after {@code now}. {@code null} when no time rule
 *                     is pending: then the report stays as it is, however long nothing changes
 */
public record HealthAssessment(HealthReport report, Instant nextChangeAt) {
}
