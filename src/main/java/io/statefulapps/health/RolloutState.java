package io.statefulapps.health;

/**
 * Where a StatefulSet's rollout stands.
 * <ul>
 * <li>{@code Complete}: every pod runs the update revision and is ready.</li>
 * <li>{@code Progressing}: the controller is still working (or has not yet observed the spec).</li>
 * <li>{@code Partitioned}: every pod at or above the partition is updated and ready; the pods
 *     below it stay at the old revision on purpose.</li>
 * <li>{@code OnDeleteOutdated}: OnDelete strategy and some pods still run an old revision; they
 *     are updated only when someone deletes them.</li>
 * <li>{@code Stalled}: no progress for longer than the rollout deadline.</li>
 * </ul>
 */
public enum RolloutState {
    Complete,
    Progressing,
    Partitioned,
    OnDeleteOutdated,
    Stalled
}
