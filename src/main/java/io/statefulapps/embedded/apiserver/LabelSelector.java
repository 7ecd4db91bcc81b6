package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The label selector grammar of the real API server ({@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}), parsed into requirements
 * that the label index can start from ({@link #requirements()}) and that match a label map.
 */
final class LabelSelector {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

    /** One term of a selector. */
    record Requirement(String key, Operator operator, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
            };
        }

        /** Whether only objects carrying the key can match, so the index can narrow by it. */
        boolean narrows() {
            return operator == Operator.EQUALS || operator == Operator.IN || operator == Operator.EXISTS;
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String selector) {
        List<Requirement> reqs = new ArrayList<>();
        if (selector != null) {
            for (String term : splitTerms(selector)) {
                if (!term.isBlank()) {
                    reqs.add(requirement(term.trim()));
                }
            }
        }
        return reqs.isEmpty() ? EVERYTHING : new LabelSelector(List.copyOf(reqs));
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    List<Requirement> requirements() {
        return requirements;
    }

    boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** Splits on commas that are not inside a parenthesised value set. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        return terms;
    }

    private static Requirement requirement(String term) {
        String[] setOp = term.split("\\s+(notin|in)\\s+", 2);
        if (setOp.length == 2) {
            String key = setOp[0].trim();
            boolean notIn = term.substring(key.length()).trim().startsWith("notin");
            Set<String> values = Arrays.stream(setOp[1].replace("(", "").replace(")", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
            return new Requirement(key, notIn ? Operator.NOT_IN : Operator.IN, values);
        }
        if (term.contains("!=")) {
            String[] kv = term.split("!=", 2);
            return new Requirement(kv[0].trim(), Operator.NOT_EQUALS, Set.of(kv[1].trim()));
        }
        if (term.contains("=")) {
            String[] kv = term.split("==?", 2);
            return new Requirement(kv[0].trim(), Operator.EQUALS, Set.of(kv[1].trim()));
        }
        if (term.startsWith("!")) {
            return new Requirement(term.substring(1).trim(), Operator.NOT_EXISTS, Set.of());
        }
        return new Requirement(term, Operator.EXISTS, Set.of());
    }
}
