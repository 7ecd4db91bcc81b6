package io.statefulapps.app;

import io.statefulapps.cluster.ReportStore;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.live.AppKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every app of every namespace the caller may list, from the stored reports, filtered by verdict
 * and reason, sorted by namespace and name, a page at a time ({@code continue} as for a namespace).
 */
@ApplicationScoped
public class AppOverview {

    /**
     * One page; how many apps matched the filter in all and how many of them need attention (for a
     * digest's "3 of 41", which speaks of every page), and how many the caller may see.
     */
    public record Page(AppList list, int matched, int needingAttention, int total) {
    }

    private final ReportStore reports;

    public AppOverview(ReportStore reports) {
        this.reports = reports;
    }

    /**
     * @param mayList whether the caller may list the apps of a namespace; asked once per namespace
     */
    public Page list(AppFilter filter, Integer limit, String continueToken, Predicate<String> mayList) {
        int pageSize = AppCatalog.pageSize(limit);
        reports.requireSynced();
        String after = ContinueToken.decode(continueToken);
        Map<String, Boolean> allowed = new HashMap<>();
        TreeMap<AppKey, StoredReport> visible = new TreeMap<>();
        reports.all().forEach((app, stored) -> {
            if (allowed.computeIfAbsent(app.namespace(), mayList::test)) {
                visible.put(app, stored);
            }
        });
        List<AppSummary> items = new ArrayList<>();
        int matched = 0;
        int needingAttention = 0;
        String last = null;
        boolean more = false;
        for (Map.Entry<AppKey, StoredReport> entry : visible.entrySet()) {
            ReportDigest report = entry.getValue().digest();
            if (!filter.keeps(report)) {
                continue;
            }
            matched++;
            if (AttentionDigest.needsAttention(report.status())) {
                needingAttention++;
            }
            String key = entry.getKey().toString();
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == pageSize) {
                more = true;
                continue;
            }
            items.add(AppCatalog.summary(entry.getKey().name(), entry.getKey().namespace(), report));
            last = key;
        }
        return new Page(new AppList(items, more && last != null ? ContinueToken.after(last) : null), matched,
                needingAttention, visible.size());
    }
}
