package io.statefulapps.health;

import java.time.Instant;

/**
 * A problem together with the verdict it implies for the part it was found on. Kept apart from
 * {@link HealthProblem} so that the JSON a bot reads stays {@code {severity, object, reason, message, hint, since}}.
 * A {@code null} verdict leaves the part's verdict alone (warnings, pure information).
 */
record Finding(HealthProblem problem, HealthStatus verdict) {

    /** The reason's default severity and verdict. */
    static Finding of(Reason reason, String object, String message, String hint) {
        return new Finding(new HealthProblem(reason.severity(), object, reason, message, hint), reason.verdict());
    }

    /**
     * The same code with a severity and verdict other than its defaults: softer (an object not yet
     * visible moments after creation) or harder; every caller documents why.
     */
    static Finding withSeverityAndVerdict(Severity severity, HealthStatus verdict, Reason reason, String object,
            String message, String hint) {
        return new Finding(new HealthProblem(severity, object, reason, message, hint), verdict);
    }

    /** The same finding, first seen when the objects' timestamps say ({@code null}: they do not tell). */
    Finding since(Instant when) {
        return new Finding(problem.withSince(when), verdict);
    }

    static HealthStatus worst(Iterable<Finding> findings, HealthStatus baseline) {
        HealthStatus worst = baseline;
        for (Finding f : findings) {
            worst = worst.worse(f.verdict());
        }
        return worst;
    }

    /** The worst verdict among the findings on one object ({@code Kind/name}); Healthy when none. */
    static HealthStatus worstOn(Iterable<Finding> findings, String object) {
        HealthStatus worst = HealthStatus.Healthy;
        for (Finding f : findings) {
            if (object.equals(f.problem().object())) {
                worst = worst.worse(f.verdict());
            }
        }
        return worst;
    }
}
