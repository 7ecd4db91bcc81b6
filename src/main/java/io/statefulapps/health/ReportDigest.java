package io.statefulapps.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What of a health report outlives it once its JSON is written: the verdict and its counts for
 * lists, badges and metrics, and each problem's identity and {@code since} for the next report
 * ({@link HealthSince#carry}). A report store keeps this next to the JSON instead of the report
 * itself, whose objects took 2.8 KiB of heap per app on top of the 4.4 KiB of its JSON and text;
 * the whole report, where it is needed again, is read back from the JSON.
 *
 * @param desiredPods as {@link HealthReport#desiredPods()}
 * @param readyPods   as {@link HealthReport#readyPods()}
 * @param problems    as the report's problems, in its order
 */
public record ReportDigest(HealthStatus status, Instant since, Instant observedAt, String summary, int desiredPods,
        int readyPods, String fingerprint, List<ProblemMark> problems) {

    /**
     * One problem as a digest keeps it: what lists filter on and what {@code since} is carried by.
     *
     * @param object {@code Kind/name}, as {@link HealthProblem#object()}
     */
    public record ProblemMark(Severity severity, Reason reason, String object, Instant since) {

        /** As {@link HealthProblem#identity()}: what stays the same while the situation does. */
        String identity() {
            return HealthProblem.identity(reason, object);
        }
    }

    public static ReportDigest of(HealthReport report) {
        return of(report, UnaryOperator.identity());
    }

    /** @param shared gives the instance to keep of a text many reports repeat (the summary) */
    public static ReportDigest of(HealthReport report, UnaryOperator<String> shared) {
        List<ProblemMark> marks = new ArrayList<>(report.problems().size());
        for (HealthProblem p : report.problems()) {
            marks.add(new ProblemMark(p.severity(), p.reason(), p.object(), p.since()));
        }
        return new ReportDigest(report.status(), report.since(), report.observedAt(), shared.apply(report.summary()),
                report.desiredPods(), report.readyPods(), report.fingerprint(), List.copyOf(marks));
    }

    /** The reasons of the errors and warnings, worst first as the report orders them, each once. */
    public List<Reason> reasonsToAct() {
        return problems.stream().filter(p -> p.severity() != Severity.Info).map(ProblemMark::reason).distinct()
                .toList();
    }

    /** The same digest as if observed at {@code when}: what tells whether anything else changed. */
    public ReportDigest withObservedAt(Instant when) {
        return new ReportDigest(status, since, when, summary, desiredPods, readyPods, fingerprint, problems);
    }
}
