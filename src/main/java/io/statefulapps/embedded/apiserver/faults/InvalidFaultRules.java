package io.statefulapps.embedded.apiserver.faults;

import java.util.List;

/**
 * Fault rules that were refused, with every problem found (one a line, each naming the rule's
 * index and field, e.g. {@code [1].status: ...}); the message is the text of the 400 answer.
 */
public final class InvalidFaultRules extends IllegalArgumentException {

    private final List<String> problems;

    InvalidFaultRules(List<String> problems) {
        super("invalid fault rules, nothing changed:\n" + String.join("\n", problems) + "\n");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
