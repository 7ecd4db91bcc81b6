package io.statefulapps.spec;

import java.util.Objects;

/**
 * One broken rule (or one unknown field) in an AppSpec, as the API reports it in
 * {@code errors: [{field, message}]}.
 *
 * <p>{@code field} is a path into the spec's JSON: object members are joined with {@code '.'},
 * list elements are addressed by their index in brackets, and map entries (labels, annotations,
 * resources, nodeSelector) by their key, verbatim, in brackets. Examples: {@code name},
 * {@code ports[0].port}, {@code volumes[1].size}, {@code resources.requests[cpu]},
 * {@code service.annotations[foo bar]}, {@code labels[app.kubernetes.io/name]},
 * {@code livenessProbe.httpGet.port}. The empty string stands for the spec as a whole.
 *
 * @param field   the path of the offending value
 * @param message what is wrong and, where it helps, what would be right
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
