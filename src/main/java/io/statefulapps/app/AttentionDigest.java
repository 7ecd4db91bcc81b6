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
     * @param items the apps to tell about (a page, already filtered)
     * @param total how many apps the caller may see in all
     */
    public static String render(List<AppSummary> items, int total, boolean more) {
        List<AppSummary> attention = items.stream().filter(AttentionDigest::needsAttention)
                .sorted(Comparator.comparing((AppSummary a) -> a.status().ordinal()).reversed()
                        .thenComparing(AppSummary::namespace).thenComparing(AppSummary::name))
                .toList();
        StringBuilder text = new StringBuilder();
        if (attention.isEmpty()) {
            text.append(total == 1 ? "The 1 app is fine." : "All " + total + " apps are fine.");
        } else {
            text.append(attention.size()).append(" of ").append(total).append(total == 1 ? " app needs" : " apps need")
                    .append(" attention:");
            for (AppSummary app : attention) {
                text.append('\n').append(line(app));
            }
        }
        if (more) {
            text.append("\n(more on the next page)");
        }
        return text.append('\n').toString();
    }

    static boolean needsAttention(AppSummary app) {
        return app.status() != HealthStatus.Healthy && app.status() != HealthStatus.Suspended;
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
