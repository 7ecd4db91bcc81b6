package io.statefulapps.spec;

/**
 * The request body is not an AppSpec at all: malformed JSON, not a JSON object, or a value of
 * the wrong JSON type. The message says what and where (a spec path such as {@code ports[0].port}
 * and, when known, the line and column). The REST layer answers 400.
 */
public class MalformedSpecException extends RuntimeException {

    private final String field;

    public MalformedSpecException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The spec path where the body went wrong; the empty string when it is the body as a whole. */
    public String field() {
        return field;
    }
}
