package io.statefulapps.health;

import java.time.Duration;
import java.time.Instant;
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
    /** What the first line keeps free for {@code " for 12m"}: the longest duration a report can show. */
    private static final int DURATION_ROOM = " for ".length() + 12;

    private HealthTextRenderer() {
    }

    /** The text as it reads at {@code now} (its first line says how long the verdict has lasted then). */
    public static String render(HealthReport report, int maxLines, Instant now) {
        return text(report, maxLines).at(now);
    }

    /** The text as it read when the report was observed. */
    public static String render(HealthReport report, int maxLines) {
        return render(report, maxLines, report.observedAt() != null ? report.observedAt() : Instant.now());
    }

    /**
     * The text with its duration left to the read.
     *
     * @param maxLines at most this many lines (at least 1: the first line alone); when problems do
     *                 not fit, the last line is {@code +k more} (k problems left out)
     */
    public static ChatText text(HealthReport report, int maxLines) {
        int budget = Math.max(1, maxLines);
        List<String> lines = new ArrayList<>();
        lines.add(firstLineTail(report));
        if (report.dataAge() != null && lines.size() < budget) {
            lines.add("data is " + CompactDuration.of(Duration.ofSeconds(report.dataAge()))
                    + " old: the watch of the cluster is re-connecting");
        }
        List<HealthProblem> problems = report.problems();
        if (problems.isEmpty()) {
            if (report.summary() != null && lines.size() < budget) {
                lines.add(oneLine(report.summary()));
            }
            return chatText(report, lines);
        }
        for (int i = 0; i < problems.size() && lines.size() < budget; i++) {
            HealthProblem p = problems.get(i);
            int left = problems.size() - i - 1;
            // keep one line free for the "+k more" tail unless this is the last problem
            int reserve = left > 0 ? 1 : 0;
            boolean withHint = p.hint() != null && lines.size() + 2 + reserve <= budget;
            if (!withHint && lines.size() + 1 + reserve > budget) {
                lines.add(more(problems.size() - i));
                return chatText(report, lines);
            }
            lines.add(problemLine(p));
            if (withHint) {
                lines.add("  hint: " + oneLine(p.hint()));
            } else if (p.hint() != null && left > 0) {
                lines.add(more(left)); // the problem without its hint still helps
                return chatText(report, lines);
            }
        }
        return chatText(report, lines);
    }

    /** {@code lines} start with the first line's part after the duration. */
    private static ChatText chatText(HealthReport report, List<String> lines) {
        return new ChatText(firstLineHead(report), knownSince(report), String.join("\n", lines));
    }

    /** {@code eureka in shop: Degraded (1/2 pods ready)}: what comes before the duration. */
    private static String firstLineHead(HealthReport report) {
        return OneLine.of(report.app() + " in " + report.namespace() + ": " + report.status() + " ("
                + report.readyPods() + "/" + report.desiredPods() + " pods ready)", MAX_LINE_LENGTH - DURATION_ROOM);
    }

    /** {@code — CrashLoopBackOff on Pod/eureka-1 (+1 more)} naming the root cause, or "". */
    private static String firstLineTail(HealthReport report) {
        List<HealthProblem> causes = report.causes() == null ? List.of() : report.causes();
        if (causes.isEmpty()) {
            return "";
        }
        HealthProblem root = causes.get(0);
        int others = report.problems().size() - 1;
        String tail = "\u2014 " + root.reason() + " on " + root.object() + (others > 0 ? " (+" + others + " more)" : "");
        int room = MAX_LINE_LENGTH - DURATION_ROOM - firstLineHead(report).length() - 1;
        return " " + OneLine.of(tail, Math.max(1, room));
    }

    /** Since when the verdict holds, when the report knows it (and it is not after the observation). */
    private static Instant knownSince(HealthReport report) {
        boolean known = report.since() != null && report.observedAt() != null
                && !report.since().isAfter(report.observedAt());
        return known ? report.since() : null;
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
