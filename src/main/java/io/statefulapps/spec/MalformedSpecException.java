package io.statefulapps.spec;

import java.util.List;

/**
 * The request body is not an AppSpec at all: malformed JSON, not a JSON object, or a value of
 * the wrong JSON type. The message says what and where (a spec path such as {@code ports[0].port}
 * and, when known, the line and column). The REST layer answers 400, with {@link #errors()} when
 * there are values of the wrong type: every one of them, so a caller can fix them at once.
 */
public class MalformedSpecException extends RuntimeException {

    private final String field;
    private final List<FieldError> errors;

    public MalformedSpecException(String field, String message, Throwable cause) {
        this(field, message, cause, List.of());
    }

    public MalformedSpecException(String field, String message, Throwable cause, List<FieldError> errors) {
        super(message, cause);
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    /** The spec path where the body went wrong; the empty string when it is the body as a whole. */
    public String field() {
        return field;
    }

    /** Each value of the wrong JSON type, in the order they were met; empty for any other malformation. */
    public List<FieldError> errors() {
        return errors;
    }
}
