package io.statefulapps.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat-ready text of a report ({@code Accept: text/plain}): plain lines a chat cannot mangle,
 * no markup, no emoji. First line {@code <app> in <ns>: <Status> (<ready>/<replicas> pods ready)},
 * then each problem and its hint, most severe first, cut with "…and N more problems".
 */
public final class HealthTextRenderer {

    public static final int DEFAULT_MAX_LINES = 15;
    private static final int MAX_LINE_LENGTH = 300;

    private HealthTextRenderer() {
    }

    public static String render(HealthReport report) {
        return render(report, DEFAULT_MAX_LINES);
    }

    public static String render(HealthReport report, int maxLines) {
        int budget = Math.max(2, maxLines);
        List<String> lines = new ArrayList<>();
        lines.add(report.app() + " in " + report.namespace() + ": " + report.status() + " (" + report.readyPods() + "/"
                + report.desiredPods() + " pods ready)");
        List<Problem> problems = report.problems();
        if (problems.isEmpty()) {
            if (report.summary() != null) {
                lines.add(oneLine(report.summary()));
            }
            return String.join("\n", lines);
        }
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            int remainingAfterThis = problems.size() - i - 1;
            // keep one line free for the "…and N more" tail unless this is the last problem
            int needed = p.hint() == null ? 1 : 2;
            int reserve = remainingAfterThis > 0 ? 1 : 0;
            if (lines.size() + needed + reserve > budget) {
                if (lines.size() + 1 + reserve <= budget && p.hint() != null) {
                    lines.add(problemLine(p)); // the problem without its hint still helps
                    remainingAfterThis = problems.size() - i - 1;
                    if (remainingAfterThis > 0) {
                        lines.add(more(remainingAfterThis));
                    }
                } else {
                    lines.add(more(problems.size() - i));
                }
                return String.join("\n", lines);
            }
            lines.add(problemLine(p));
            if (p.hint() != null) {
                lines.add("  hint: " + oneLine(p.hint()));
            }
        }
        return String.join("\n", lines);
    }

    private static String problemLine(Problem p) {
        return "- " + p.reason() + " on " + p.object() + ": " + oneLine(p.message());
    }

    private static String more(int n) {
        return "\u2026and " + n + " more problem" + (n == 1 ? "" : "s");
    }

    /** Kubelet and provisioner messages can span lines; a chat line must not. */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > MAX_LINE_LENGTH ? flat.substring(0, MAX_LINE_LENGTH - 1) + "\u2026" : flat;
    }
}
