package io.statefulapps.health;

import java.util.List;

/** The one-line summary of a report: what a portal shows next to the badge. */
final class Summary {

    private Summary() {
    }

    /**
     * Names the root cause, as the text's first line does ({@code causes}, the problem behind the
     * verdict); the most severe problem when the verdict has no cause.
     */
    static String of(HealthStatus status, StatefulSetReport sts, List<PodReport> pods, List<HealthProblem> causes,
            List<HealthProblem> problems) {
        long ready = pods.stream().filter(PodReport::ready).count();
        int desired = sts != null ? sts.replicas() : pods.size();
        String counts = ready + "/" + desired + " pods ready";
        if (status == HealthStatus.Suspended) {
            return "Suspended: scaled to 0 replicas on purpose";
        }
        if (problems.isEmpty() || problems.get(0).severity() == Severity.Info && status == HealthStatus.Healthy) {
            String rollout = sts == null ? "" : ", rollout " + sts.rollout()
                    + (sts.rollout() == RolloutState.Partitioned ? " at partition " + sts.partition() : "");
            return status + ": " + counts + rollout;
        }
        HealthProblem first = causes == null || causes.isEmpty() ? problems.get(0) : causes.get(0);
        String more = problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "";
        return status + ": " + counts + "; " + first.reason() + " on " + first.object() + more;
    }
}
