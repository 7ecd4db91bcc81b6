package io.statefulapps.embedded.apiserver.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks across the fields of one rule: exactly one effect, values in range, and only the
 * fields that mean something for that effect.
 */
final class FaultRuleChecks {

    private static final List<String> SCOPE = List.of("verb", "resource", "subresource", "namespace", "name", "user");

    private FaultRuleChecks() {
    }

    /** The rule, or null after adding what is wrong with it to {@code problems}. */
    static FaultRule check(FaultRulesParser.RuleFields f, String at, List<String> problems) {
        int before = problems.size();
        List<String> effects = new ArrayList<>();
        if (f.mentioned.contains("status") || f.mentioned.contains("delayMs")) {
            effects.add(f.mentioned.contains("status") ? "status" : "delayMs");
        }
        for (String flag : List.of("dropWatches", "refuseConnections", "watchGone")) {
            if (f.mentioned.contains(flag)) {
                effects.add(flag);
            }
        }
        if (effects.isEmpty()) {
            problems.add(at + ": no effect; give status, delayMs, dropWatches, refuseConnections or watchGone");
        } else if (effects.size() > 1) {
            problems.add(at + ": " + String.join(" and ", effects) + " cannot go together; one effect per rule"
                    + " (status may come with delayMs)");
        }
        f.string("verb").filter(v -> !FaultRulesParser.VERBS.contains(v)).ifPresent(v -> problems.add(at
                + ".verb: \"" + v + "\" is not a verb; use one of " + String.join(", ", FaultRulesParser.VERBS
                .stream().sorted().toList())));
        checkStatus(f, at, problems);
        range(f, "delayMs", 1, FaultRulesParser.MAX_MILLIS, at, problems);
        range(f, "forMs", 1, FaultRulesParser.MAX_MILLIS, at, problems);
        range(f, "nth", 1, Long.MAX_VALUE, at, problems);
        range(f, "times", 1, Long.MAX_VALUE, at, problems);
        checkEffectFields(f, at, problems);
        if (problems.size() > before) {
            return null;
        }
        FaultScope scope = new FaultScope(f.string("verb"), f.string("resource"), f.string("subresource"),
                f.string("namespace"), f.string("name"), f.string("user"));
        return new FaultRule(scope, f.small("status"), f.string("reason"), f.small("retryAfterSeconds"),
                f.number("delayMs"), f.flag("dropWatches"), f.flag("refuseConnections"), f.number("forMs"),
                f.flag("watchGone"), f.number("nth"), f.number("times"));
    }

    private static void checkStatus(FaultRulesParser.RuleFields f, String at, List<String> problems) {
        OptionalLong status = f.number("status");
        if (status.isPresent() && !FaultRulesParser.STATUSES.contains((int) status.getAsLong())) {
            problems.add(at + ".status: " + status.getAsLong() + " is not a status a fault answers; use 409, 422,"
                    + " 429, 500 or 503");
        }
        Optional<String> reason = f.string("reason");
        if (reason.isPresent() && (status.isEmpty() || status.getAsLong() != 409)) {
            problems.add(at + ".reason: only with status 409");
        } else if (reason.isPresent() && !reason.get().equals("Conflict") && !reason.get().equals("AlreadyExists")) {
            problems.add(at + ".reason: \"" + reason.get() + "\" is not a 409 reason; use Conflict or AlreadyExists");
        }
        if (f.numbers.containsKey("retryAfterSeconds")) {
            if (status.isEmpty() || (status.getAsLong() != 429 && status.getAsLong() != 503)) {
                problems.add(at + ".retryAfterSeconds: only with status 429 or 503");
            } else {
                range(f, "retryAfterSeconds", 0, FaultRulesParser.MAX_RETRY_AFTER, at, problems);
            }
        }
    }

    private static void checkEffectFields(FaultRulesParser.RuleFields f, String at, List<String> problems) {
        if (f.flag("refuseConnections")) {
            if (!f.numbers.containsKey("forMs")) {
                problems.add(at + ".forMs: required with refuseConnections (how long, in milliseconds)");
            }
            for (String field : SCOPE) {
                notWith(f.strings.containsKey(field), at, field, "refuseConnections refuses every connection",
                        problems);
            }
        } else if (f.numbers.containsKey("forMs")) {
            problems.add(at + ".forMs: only with refuseConnections");
        }
        boolean timed = f.flag("refuseConnections") || f.flag("dropWatches");
        notWith(timed && f.numbers.containsKey("nth"), at, "nth", "the effect happens once, when the rules are"
                + " installed", problems);
        notWith(timed && f.numbers.containsKey("times"), at, "times", "the effect happens once, when the rules are"
                + " installed", problems);
        Optional<String> verb = f.string("verb");
        boolean watchOnly = f.flag("dropWatches") || f.flag("watchGone");
        if (watchOnly && verb.isPresent() && !verb.get().equals("watch")) {
            problems.add(at + ".verb: dropWatches and watchGone are about watches; leave verb out or use watch");
        }
    }

    private static void notWith(boolean present, String at, String field, String why, List<String> problems) {
        if (present) {
            problems.add(at + "." + field + ": not allowed here: " + why);
        }
    }

    private static void range(FaultRulesParser.RuleFields f, String field, long min, long max, String at,
            List<String> problems) {
        OptionalLong value = f.number(field);
        if (value.isPresent() && (value.getAsLong() < min || value.getAsLong() > max)) {
            String bounds = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            problems.add(at + "." + field + ": must be " + bounds + " (got " + value.getAsLong() + ")");
        }
    }
}
