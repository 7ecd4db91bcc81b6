package io.statefulapps.app;

import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.Reason;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which apps a list keeps: {@code ?status=Degraded,Progressing} (any of the verdicts) and
 * {@code ?reason=CrashLoopBackOff} (any of the reasons among its problems); both, when both are given.
 */
public record AppFilter(Set<HealthStatus> statuses, Set<Reason> reasons) {

    public static final AppFilter ALL = new AppFilter(EnumSet.allOf(HealthStatus.class), null);

    /** From the query parameters; a value that is not a verdict or a reason is a 400 naming the valid ones. */
    public static AppFilter of(List<String> status, List<String> reason) {
        Set<HealthStatus> statuses = EnumSet.allOf(HealthStatus.class);
        if (status != null && !status.isEmpty()) {
            statuses = EnumSet.noneOf(HealthStatus.class);
            for (String value : values(status)) {
                statuses.add(parse(HealthStatus.class, "status", value));
            }
        }
        Set<Reason> reasons = null;
        if (reason != null && !reason.isEmpty()) {
            reasons = EnumSet.noneOf(Reason.class);
            for (String value : values(reason)) {
                reasons.add(parse(Reason.class, "reason", value));
            }
        }
        return new AppFilter(statuses, reasons);
    }

    /** Whether it leaves some apps out (any verdict filter short of all of them, or any reason filter). */
    public boolean narrows() {
        return statuses.size() < HealthStatus.values().length || reasons != null;
    }

    public boolean keeps(ReportDigest report) {
        if (!statuses.contains(report.status())) {
            return false;
        }
        return reasons == null
                || report.problems().stream().map(ReportDigest.ProblemMark::reason).anyMatch(reasons::contains);
    }

    private static List<String> values(List<String> parameters) {
        return parameters.stream().flatMap(p -> Arrays.stream(p.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "Query parameter '" + name + "' has '" + value
                + "', which is none of " + Arrays.toString(type.getEnumConstants()) + ".");
    }
}
