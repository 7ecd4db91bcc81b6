package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Field selectors ({@code =}, {@code ==}, {@code !=}) on any dotted field path: covers
 * metadata.name/namespace, involvedObject.* for events (kubectl describe), spec.nodeName and
 * status.phase for pods. A missing field compares as the empty string, like the real server.
 */
final class FieldSelector {

    private final List<Predicate<JsonNode>> requirements;

    private FieldSelector(List<Predicate<JsonNode>> requirements) {
        this.requirements = requirements;
    }

    static FieldSelector parse(String selector) {
        List<Predicate<JsonNode>> reqs = new ArrayList<>();
        if (selector != null) {
            for (String term : selector.split(",")) {
                String t = term.trim();
                if (t.isEmpty()) {
                    continue;
                }
                boolean negate = t.contains("!=");
                String[] kv = negate ? t.split("!=", 2) : t.split("==?", 2);
                if (kv.length != 2) {
                    throw ApiException.badRequest("invalid field selector: " + t);
                }
                String field = kv[0].trim();
                String expected = kv[1].trim();
                reqs.add(obj -> negate != expected.equals(valueOf(obj, field)));
            }
        }
        return new FieldSelector(reqs);
    }

    boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.test(object));
    }

    private static String valueOf(JsonNode obj, String field) {
        String v = JsonFields.text(obj, field);
        return v == null ? "" : v;
    }
}
