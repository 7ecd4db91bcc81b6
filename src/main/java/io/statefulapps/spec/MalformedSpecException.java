package io.statefulapps.spec;

import java.util.List;
import java.util.Optional;

/**
 * The request body is not an AppSpec at all: malformed JSON, not a JSON object, or a value of
 * the wrong JSON type. The message says what and where (a spec path such as {@code ports[0].port}
 * and, when known, the line and column). The REST layer answers 400, with {@link #errors()} when
 * there are values of the wrong type: every one of them and every rule the rest of the body breaks,
 * so a caller can fix them all at once.
 */
public class MalformedSpecException extends RuntimeException {

    private final String field;
    private final List<FieldError> errors;
    private final transient ParsedSpec rest;

    public MalformedSpecException(String field, String message, Throwable cause) {
        this(field, message, cause, List.of());
    }

    public MalformedSpecException(String field, String message, Throwable cause, List<FieldError> errors) {
        this(field, message, cause, errors, null);
    }

    /** @param rest the spec read with the values of the wrong type set aside (null when it could not be) */
    public MalformedSpecException(String field, String message, Throwable cause, List<FieldError> errors,
            ParsedSpec rest) {
        super(message, cause);
        this.field = field;
        this.errors = List.copyOf(errors);
        this.rest = rest;
    }

    /** The spec path where the body went wrong; the empty string when it is the body as a whole. */
    public String field() {
        return field;
    }

    /**
     * Each value of the wrong JSON type, in the order they were met, and after them, once the caller
     * has checked the {@link #rest()}, the rules the rest of the body breaks; empty for any other
     * malformation.
     */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The spec read with every value of the wrong type set to null (what an absent member reads
     * as), to check the rest of the body's rules too; empty when it could not be read.
     */
    public Optional<ParsedSpec> rest() {
        return Optional.ofNullable(rest);
    }
}
