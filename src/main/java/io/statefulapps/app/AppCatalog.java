package io.statefulapps.app;

import io.statefulapps.cluster.ReportStore;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.cluster.WatchCache;
import io.statefulapps.health.HealthReport;
import io.statefulapps.live.AppKey;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists the apps of a namespace from the watch cache, each with its verdict, a page at a time. */
@ApplicationScoped
public class AppCatalog {

    static final int MAX_LIMIT = 500;

    private final WatchCache cache;
    private final ReportStore reports;

    public AppCatalog(WatchCache cache, ReportStore reports) {
        this.cache = cache;
        this.reports = reports;
    }

    public AppList list(String namespace, Integer limit, String continueToken) {
        SpecIntake.requireNamespace(namespace);
        reports.requireSynced();
        int pageSize = pageSize(limit);
        String after = ContinueToken.decode(continueToken);
        List<String> names = cache.appNames(namespace);
        List<AppSummary> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (String name : names) {
            if (after != null && name.compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == pageSize) {
                more = true;
                break;
            }
            Optional<HealthReport> found = reportOf(namespace, name);
            if (found.isEmpty()) {
                continue;
            }
            HealthReport report = found.get();
            items.add(summary(name, namespace, report));
            last = name;
        }
        return new AppList(items, more && last != null ? ContinueToken.after(last) : null);
    }

    private Optional<HealthReport> reportOf(String namespace, String name) {
        Optional<StoredReport> stored = reports.get(new AppKey(namespace, name));
        if (stored.isPresent()) {
            return Optional.of(stored.get().report());
        }
        return cache.app(namespace, name).map(app -> reports.reportOf(app).report());
    }

    static AppSummary summary(String name, String namespace, HealthReport report) {
        return new AppSummary(name, namespace, report.status(), report.desiredPods(), report.readyPods(),
                report.summary(), AppSummary.reasonsOf(report));
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
