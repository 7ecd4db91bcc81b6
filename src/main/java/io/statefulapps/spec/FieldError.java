package io.statefulapps.spec;

import java.util.Objects;

/**
 * One broken rule (or one unknown field) in an AppSpec, as the API reports it in
 * {@code errors: [{field, message}]}.
 *
 * <p>{@code field} is a path into the spec's JSON, written as in JavaScript: object members are
 * joined with {@code '.'} and list elements are addressed by their index in brackets. Map entries
 * (labels, annotations, nodeSelector, resources) are written like members when the key is a simple
 * word ({@code [A-Za-z_][A-Za-z0-9_-]*}, e.g. {@code resources.requests.cpu},
 * {@code labels.project}) and otherwise with the key verbatim in brackets, without quotes
 * ({@code labels[app.kubernetes.io/name]}, {@code service.annotations[foo bar]}). More examples:
 * {@code name}, {@code ports[0].port}, {@code volumes[1].size}, {@code livenessProbe.httpGet.port}.
 * The empty string stands for the spec as a whole.
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
