package io.statefulapps.app;

import io.statefulapps.health.HealthStatus;
import java.util.Comparator;
import java.util.List;

/**
 * The chat-ready text of a cross-namespace list: "3 of 41 apps need attention:" and one line per
 * app that is not Healthy or Suspended, worst first. Pure.
 */
public final class AttentionDigest {

    private AttentionDigest() {
    }

    /**
     * @param page the apps of this page (already filtered), how many matched in all and how many of
     *     those need attention: the first line speaks of every page, the lines of this one
     * @param filtered whether a filter chose the apps ("matching apps")
     */
    public static String render(AppOverview.Page page, boolean filtered) {
        List<AppSummary> attention = page.list().items().stream().filter(AttentionDigest::needsAttention)
                .sorted(Comparator.comparing((AppSummary a) -> a.status().ordinal()).reversed()
                        .thenComparing(AppSummary::namespace).thenComparing(AppSummary::name))
                .toList();
        int matched = page.matched();
        String apps = (filtered ? " matching app" : " app") + (matched == 1 ? "" : "s");
        StringBuilder text = new StringBuilder();
        if (page.needingAttention() == 0) {
            text.append(matched == 1 ? "The 1" + apps + " is fine." : matched == 0 ? "There are no" + apps + "."
                    : "All " + matched + apps + " are fine.");
        } else {
            text.append(page.needingAttention()).append(" of ").append(matched).append(apps)
                    .append(page.needingAttention() == 1 ? " needs" : " need").append(" attention:");
            for (AppSummary app : attention) {
                text.append('\n').append(line(app));
            }
        }
        String next = page.list().continueToken();
        if (next != null) {
            // A chat bot can follow the next page only if it is told how.
            text.append("\n(more on the next page: ?continue=").append(next).append(')');
        }
        return text.append('\n').toString();
    }

    static boolean needsAttention(AppSummary app) {
        return needsAttention(app.status());
    }

    static boolean needsAttention(HealthStatus status) {
        return status != HealthStatus.Healthy && status != HealthStatus.Suspended;
    }

    private static String line(AppSummary app) {
        StringBuilder line = new StringBuilder("- ").append(app.name()).append(" in ").append(app.namespace())
                .append(": ").append(app.status()).append(" (").append(app.readyReplicas()).append('/')
                .append(app.replicas()).append(" ready)");
        if (app.reasons() != null && !app.reasons().isEmpty()) {
            line.append(" — ").append(app.reasons().get(0));
            if (app.reasons().size() > 1) {
                line.append(" (+").append(app.reasons().size() - 1).append(" more)");
            }
        }
        return line.toString();
    }
}
