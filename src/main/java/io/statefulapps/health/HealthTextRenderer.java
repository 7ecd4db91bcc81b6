package io.statefulapps.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat-ready text of a report ({@code Accept: text/plain}): plain lines a chat cannot mangle,
 * no markup, no emoji. The first line stands alone:
 * {@code <app> in <ns>: <Status> (<ready>/<replicas> pods ready) for 12m — <reason> on <Kind/name> (+2 more)},
 * naming the root cause ({@link HealthReport#causes()}); then a line on stale data when the watch is
 * re-connecting; then each problem and its hint, most severe first. Capped at a number of lines,
 * the last of which then says {@code +k more}.
 */
public final class HealthTextRenderer {

    private static final int MAX_LINE_LENGTH = 300;

    private HealthTextRenderer() {
    }

    /**
     * @param maxLines at most this many lines (at least 1: the first line alone); when problems do
     *                 not fit, the last line is {@code +k more} (k problems left out)
     */
    public static String render(HealthReport report, int maxLines) {
        int budget = Math.max(1, maxLines);
        List<String> lines = new ArrayList<>();
        lines.add(firstLine(report));
        if (report.dataAge() != null && lines.size() < budget) {
            lines.add("data is " + CompactDuration.of(Duration.ofSeconds(report.dataAge()))
                    + " old: the watch of the cluster is re-connecting");
        }
        List<HealthProblem> problems = report.problems();
        if (problems.isEmpty()) {
            if (report.summary() != null && lines.size() < budget) {
                lines.add(oneLine(report.summary()));
            }
            return String.join("\n", lines);
        }
        for (int i = 0; i < problems.size() && lines.size() < budget; i++) {
            HealthProblem p = problems.get(i);
            int left = problems.size() - i - 1;
            // keep one line free for the "+k more" tail unless this is the last problem
            int reserve = left > 0 ? 1 : 0;
            boolean withHint = p.hint() != null && lines.size() + 2 + reserve <= budget;
            if (!withHint && lines.size() + 1 + reserve > budget) {
                lines.add(more(problems.size() - i));
                return String.join("\n", lines);
            }
            lines.add(problemLine(p));
            if (withHint) {
                lines.add("  hint: " + oneLine(p.hint()));
            } else if (p.hint() != null && left > 0) {
                lines.add(more(left)); // the problem without its hint still helps
                return String.join("\n", lines);
            }
        }
        return String.join("\n", lines);
    }

    /** {@code eureka in shop: Degraded (1/2 pods ready) for 12m — CrashLoopBackOff on Pod/eureka-1 (+1 more)}. */
    static String firstLine(HealthReport report) {
        StringBuilder line = new StringBuilder(report.app() + " in " + report.namespace() + ": " + report.status() + " ("
                + report.readyPods() + "/" + report.desiredPods() + " pods ready)");
        if (report.since() != null && report.observedAt() != null && !report.since().isAfter(report.observedAt())) {
            line.append(" for ").append(CompactDuration.of(Duration.between(report.since(), report.observedAt())));
        }
        List<HealthProblem> causes = report.causes() == null ? List.of() : report.causes();
        if (!causes.isEmpty()) {
            HealthProblem root = causes.get(0);
            int others = report.problems().size() - 1;
            line.append(" \u2014 ").append(root.reason()).append(" on ").append(root.object())
                    .append(others > 0 ? " (+" + others + " more)" : "");
        }
        return oneLine(line.toString());
    }

    private static String problemLine(HealthProblem p) {
        return "- " + p.reason() + " on " + p.object() + ": " + oneLine(p.message());
    }

    private static String more(int n) {
        return "+" + n + " more";
    }

    /** Kubelet and provisioner messages can span lines; a chat line must not. */
    private static String oneLine(String text) {
        return OneLine.of(text, MAX_LINE_LENGTH);
    }
}
