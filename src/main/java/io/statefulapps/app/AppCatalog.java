package io.statefulapps.app;

import io.statefulapps.cluster.WatchCache;
import io.statefulapps.health.HealthReport;
import io.statefulapps.live.CachedApp;
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
    private final AppViews views;

    public AppCatalog(WatchCache cache, AppViews views) {
        this.cache = cache;
        this.views = views;
    }

    public AppList list(String namespace, Integer limit, String continueToken) {
        SpecIntake.requireNamespace(namespace);
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
            Optional<CachedApp> app = cache.app(namespace, name);
            if (app.isEmpty()) {
                continue;
            }
            HealthReport report = views.health(app.get());
            items.add(new AppSummary(name, namespace, report.status(), report.desiredPods(), report.readyPods(),
                    report.summary()));
            last = name;
        }
        return new AppList(items, more && last != null ? ContinueToken.after(last) : null);
    }

    private static int pageSize(Integer limit) {
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
