package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The label selector grammar of the real API server ({@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}); the bare CRUD mock only
 * knows equality.
 */
final class LabelSelector {

    private final List<Predicate<JsonNode>> requirements;

    private LabelSelector(List<Predicate<JsonNode>> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String selector) {
        List<Predicate<JsonNode>> reqs = new ArrayList<>();
        if (selector != null) {
            for (String term : splitTerms(selector)) {
                if (!term.isBlank()) {
                    reqs.add(requirement(term.trim()));
                }
            }
        }
        return new LabelSelector(reqs);
    }

    boolean matches(JsonNode object) {
        return matchesLabels(JsonFields.at(object, "metadata.labels"));
    }

    private boolean matchesLabels(JsonNode labels) {
        return requirements.stream().allMatch(r -> r.test(labels));
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

    private static Predicate<JsonNode> requirement(String term) {
        String[] setOp = term.split("\\s+(notin|in)\\s+", 2);
        if (setOp.length == 2) {
            String key = setOp[0].trim();
            boolean notIn = term.substring(key.length()).trim().startsWith("notin");
            Set<String> values = Arrays.stream(setOp[1].replace("(", "").replace(")", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return labels -> {
                String v = value(labels, key);
                return notIn ? v == null || !values.contains(v) : v != null && values.contains(v);
            };
        }
        if (term.contains("!=")) {
            String[] kv = term.split("!=", 2);
            return labels -> !kv[1].trim().equals(value(labels, kv[0].trim()));
        }
        if (term.contains("=")) {
            String[] kv = term.split("==?", 2);
            return labels -> kv[1].trim().equals(value(labels, kv[0].trim()));
        }
        if (term.startsWith("!")) {
            String key = term.substring(1).trim();
            return labels -> value(labels, key) == null;
        }
        return labels -> value(labels, term) != null;
    }

    private static String value(JsonNode labels, String key) {
        if (labels == null || !labels.has(key) || labels.get(key).isNull()) {
            return null;
        }
        return labels.get(key).asText();
    }
}
