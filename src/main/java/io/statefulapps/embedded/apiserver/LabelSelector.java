package io.statefulapps.embedded.apiserver;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The label selector grammar of the real API server ({@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k>1}, {@code k<1}), parsed
 * by {@link LabelSelectorParser} into requirements
 * that the label index can start from ({@link #requirements()}) and that match a label map.
 */
final class LabelSelector {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS, GREATER_THAN, LESS_THAN }

    /** One term of a selector. */
    record Requirement(String key, Operator operator, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
                case GREATER_THAN, LESS_THAN -> compares(value);
            };
        }

        /** gt and lt compare integers; a label that is not one matches neither. */
        private boolean compares(String value) {
            try {
                long label = Long.parseLong(value);
                long bound = Long.parseLong(values.iterator().next());
                return operator == Operator.GREATER_THAN ? label > bound : label < bound;
            } catch (NumberFormatException e) {
                return false;
            }
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

    /** The selector of a labelSelector parameter; a 400 BadRequest when it does not parse. */
    static LabelSelector parse(String selector) {
        List<Requirement> reqs = selector == null ? List.of() : LabelSelectorParser.parse(selector);
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
}
