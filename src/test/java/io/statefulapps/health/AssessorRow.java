package io.statefulapps.health;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of a per-assessor table (in the style of kstatus' per-kind tests): a snapshot, the
 * verdict of the part the assessor reports on, and exactly the reasons it finds.
 */
record AssessorRow(String name, SnapshotFixture fixture, HealthStatus verdict, Set<Reason> reasons) {

    static AssessorRow row(String name, SnapshotFixture fixture, HealthStatus verdict, Reason... reasons) {
        return new AssessorRow(name, fixture, verdict,
                reasons.length == 0 ? EnumSet.noneOf(Reason.class) : EnumSet.of(reasons[0], reasons));
    }

    static Set<Reason> reasonsOf(List<Finding> findings) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        findings.forEach(f -> reasons.add(f.problem().reason()));
        return reasons;
    }

    AssessmentContext context() {
        return AssessmentContext.of(fixture.build(), TestSettings.DEFAULTS);
    }

    /** The app's pods as the report orders them. */
    static AppPods pods(AssessmentContext context) {
        return AppPods.of(context.snapshot().names().statefulSet(), context.snapshot().pods());
    }

    @Override
    public String toString() {
        return name;
    }
}
