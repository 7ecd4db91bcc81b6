package io.statefulapps.spec;

import java.util.List;

/**
 * An AppSpec as read from a request body, with every field the body had that the spec does not
 * know ({@code {field: "replica", message: "unknown field"}}). Unknown fields are reported rather
 * than silently dropped: a typo like {@code replica} must not quietly mean "the default".
 */
public record ParsedSpec(AppSpec spec, List<FieldError> unknownFields) {

    public ParsedSpec {
        unknownFields = List.copyOf(unknownFields);
    }

    public boolean hasUnknownFields() {
        return !unknownFields.isEmpty();
    }
}
