package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the body of {@code PUT /_sim/faults}: a JSON array of rules, read strictly (unknown fields,
 * wrong types, duplicate keys, values out of range and effects that do not go together are all
 * reported, each with the rule's index and the field) into {@link FaultRule}s.
 */
final class FaultRulesParser {

    static final int MAX_RULES = 100;
    static final long MAX_MILLIS = 600_000;
    static final int MAX_RETRY_AFTER = 3600;
    static final Set<Integer> STATUSES = Set.of(409, 422, 429, 500, 503);
    static final Set<String> VERBS =
            Set.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");
    private static final List<String> STRINGS =
            List.of("verb", "resource", "subresource", "namespace", "name", "user", "reason");
    private static final List<String> NUMBERS =
            List.of("status", "retryAfterSeconds", "delayMs", "forMs", "nth", "times");
    private static final List<String> FLAGS = List.of("dropWatches", "refuseConnections", "watchGone");
    private static final Set<String> READ_ONLY = Set.of("fired", "matched");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private FaultRulesParser() {
    }

    static List<FaultRule> parse(String body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidFaultRules(List.of("the body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new InvalidFaultRules(List.of("the body must be a JSON array of rules, e.g. "
                    + "[{\"verb\":\"create\",\"resource\":\"services\",\"nth\":2,\"status\":500}]"));
        }
        if (root.size() > MAX_RULES) {
            throw new InvalidFaultRules(List.of("at most " + MAX_RULES + " rules (got " + root.size() + ")"));
        }
        List<String> problems = new ArrayList<>();
        List<FaultRule> rules = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            int before = problems.size();
            FaultRule rule = rule(root.get(i), "[" + i + "]", problems);
            if (problems.size() == before) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFaultRules(problems);
        }
        return rules;
    }

    private static FaultRule rule(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": a rule must be a JSON object (got " + node + ")");
            return null;
        }
        RuleFields fields = new RuleFields(at, problems);
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            fields.read(field.getKey(), field.getValue());
        }
        return FaultRuleChecks.check(fields, at, problems);
    }

    /** The fields of one rule, each checked for its type as it is read. */
    static final class RuleFields {

        private final String at;
        private final List<String> problems;
        final Map<String, String> strings = new HashMap<>();
        final Map<String, Long> numbers = new HashMap<>();
        final Map<String, Boolean> flags = new HashMap<>();
        /** Every field given, with a valid value or not, except flags set to false. */
        final Set<String> mentioned = new HashSet<>();

        RuleFields(String at, List<String> problems) {
            this.at = at;
            this.problems = problems;
        }

        void read(String key, JsonNode value) {
            String where = at + "." + key;
            if (!(value.isBoolean() && !value.asBoolean())) {
                mentioned.add(key);
            }
            if (STRINGS.contains(key)) {
                if (value.isTextual() && !value.asText().isEmpty()) {
                    strings.put(key, value.asText());
                } else {
                    problems.add(where + ": must be a non-empty string (got " + value + ")");
                }
            } else if (NUMBERS.contains(key)) {
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    numbers.put(key, value.asLong());
                } else {
                    problems.add(where + ": must be a whole number (got " + value + ")");
                }
            } else if (FLAGS.contains(key)) {
                if (value.isBoolean()) {
                    flags.put(key, value.asBoolean());
                } else {
                    problems.add(where + ": must be true or false (got " + value + ")");
                }
            } else if (READ_ONLY.contains(key)) {
                problems.add(where + ": shown by GET, not accepted by PUT");
            } else {
                problems.add(where + ": unknown field; a rule has " + String.join(", ", known()));
            }
        }

        Optional<String> string(String key) {
            return Optional.ofNullable(strings.get(key));
        }

        OptionalLong number(String key) {
            Long n = numbers.get(key);
            return n == null ? OptionalLong.empty() : OptionalLong.of(n);
        }

        OptionalInt small(String key) {
            Long n = numbers.get(key);
            return n == null ? OptionalInt.empty() : OptionalInt.of((int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, n)));
        }

        boolean flag(String key) {
            return flags.getOrDefault(key, false);
        }

        private static List<String> known() {
            List<String> all = new ArrayList<>(STRINGS);
            all.addAll(NUMBERS);
            all.addAll(FLAGS);
            return all;
        }
    }
}
