package io.statefulapps.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Since when: carries {@code since} from the previous report of an app into a newly computed one,
 * so that the times survive recomputation. Pure; the shell keeps the previous report's digest.
 *
 * <ul>
 * <li>Same verdict as before: the report keeps the previous {@code since}; another verdict: it
 *     changed now ({@code current.observedAt()}).</li>
 * <li>A problem with the same (reason, object) as before keeps its {@code since}; a new one began
 *     now.</li>
 * <li>Without a previous report (the first one, or after a restart) the objects' own timestamps
 *     and conditions tell, where they do; where they do not, now.</li>
 * </ul>
 */
public final class HealthSince {

    private HealthSince() {
    }

    /**
     * @param previous what is kept of the last report of the same app, {@code null} when there is none
     * @param current  the report just computed by {@link HealthAssessor#assess}
     * @return {@code current} with every {@code since} filled in
     */
    public static HealthReport carry(ReportDigest previous, HealthReport current) {
        Instant now = current.observedAt();
        Map<String, Instant> seen = new HashMap<>();
        if (previous != null) {
            for (ReportDigest.ProblemMark p : previous.problems()) {
                if (p.since() != null) {
                    seen.putIfAbsent(p.identity(), p.since());
                }
            }
        }
        List<HealthProblem> problems = new ArrayList<>();
        Map<String, HealthProblem> timed = new HashMap<>();
        for (HealthProblem p : current.problems()) {
            Instant since = previous == null ? orNow(p.since(), now) : seen.getOrDefault(p.identity(), now);
            HealthProblem withSince = p.withSince(since);
            problems.add(withSince);
            timed.putIfAbsent(p.identity(), withSince);
        }
        List<HealthProblem> causes = new ArrayList<>();
        for (HealthProblem cause : current.causes()) {
            causes.add(timed.getOrDefault(cause.identity(), cause));
        }
        return current.withSince(verdictSince(previous, current), problems, causes);
    }

    private static Instant verdictSince(ReportDigest previous, HealthReport current) {
        Instant now = current.observedAt();
        if (previous == null) {
            return orNow(current.since(), now);
        }
        if (previous.status() != current.status()) {
            return now;
        }
        return orNow(previous.since() != null ? previous.since() : current.since(), now);
    }

    /** A time the objects tell, unless there is none or it lies after now (clock skew). */
    private static Instant orNow(Instant since, Instant now) {
        return since == null || since.isAfter(now) ? now : since;
    }
}
