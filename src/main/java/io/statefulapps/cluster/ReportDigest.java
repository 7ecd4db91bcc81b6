package io.statefulapps.cluster;

import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.Problem;
import java.util.Set;
import java.util.TreeSet;

/** What a stream announces a change of: the verdict and which problems (reason, object) there are. */
record ReportDigest(HealthStatus status, Set<String> problems) {

    static ReportDigest of(HealthReport report) {
        Set<String> problems = new TreeSet<>();
        for (Problem problem : report.problems()) {
            problems.add(problem.severity() + " " + problem.reason() + " " + problem.object());
        }
        return new ReportDigest(report.status(), problems);
    }
}
