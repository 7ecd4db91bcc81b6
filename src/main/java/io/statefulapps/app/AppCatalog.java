package io.statefulapps.app;

import io.statefulapps.cluster.ReportStore;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.live.AppKey;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists the apps of a namespace from the stored reports, each with its verdict, a page at a time. */
@ApplicationScoped
public class AppCatalog {

    static final int MAX_LIMIT = 500;

    private final ReportStore reports;

    public AppCatalog(ReportStore reports) {
        this.reports = reports;
    }

    public AppList list(String namespace, Integer limit, String continueToken) {
        SpecIntake.requireNamespace(namespace);
        reports.requireSynced();
        int pageSize = pageSize(limit);
        String after = ContinueToken.decode(continueToken);
        List<AppSummary> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<AppKey, StoredReport> entry : reports.inNamespace(namespace, after).entrySet()) {
            if (items.size() == pageSize) {
                more = true;
                break;
            }
            String name = entry.getKey().name();
            items.add(summary(name, namespace, entry.getValue().digest()));
            last = name;
        }
        return new AppList(items, more && last != null ? ContinueToken.after(last) : null);
    }

    static AppSummary summary(String name, String namespace, ReportDigest report) {
        return new AppSummary(name, namespace, report.status(), report.desiredPods(), report.readyPods(),
                report.summary(), report.reasonsToAct());
    }

    static int pageSize(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter 'limit' must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }
}
