package io.statefulapps.health;

import java.time.Instant;
import java.util.Objects;

/**
 * The moments at which the report of one assessment may change by time alone, gathered while the
 * rules run. Reports are computed ahead of reads, when an object changes; a verdict that depends
 * on a deadline ("Pending longer than 5m") or a text that states an elapsed time ("not ready for
 * 3m") also changes when nothing does, so the store must know when to compute again.
 *
 * <p>Every rule that compares {@code now} with a threshold asks {@link #passed} instead of
 * comparing itself, so that no deadline can be forgotten here: this class alone decides that a
 * threshold not yet passed is a due time. One instance per assessment (see
 * {@link AssessmentContext#of}); it is the only mutable thing in an assessment.
 */
final class DueTimes {

    private final Instant now;
    private Instant earliest;

    DueTimes(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * Whether {@code now} is strictly after the threshold, the comparison every deadline rule
     * makes. When it is not, the answer flips one nanosecond after the threshold, so that instant
     * is due; it is always after {@code now}, even when the threshold is {@code now} itself.
     */
    boolean passed(Instant threshold) {
        if (now.isAfter(threshold)) {
            return true;
        }
        dueAt(threshold.plusNanos(1));
        return false;
    }

    /**
     * The report may read differently from this instant on (an elapsed time in a message reaches
     * its next whole unit). Instants not after {@code now} are no news and are ignored.
     */
    void dueAt(Instant change) {
        if (change.isAfter(now) && (earliest == null || change.isBefore(earliest))) {
            earliest = change;
        }
    }

    /** The earliest due time so far; {@code null} when no time rule is pending. */
    Instant earliest() {
        return earliest;
    }
}
