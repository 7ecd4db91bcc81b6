package io.statefulapps.cluster;

import io.statefulapps.spec.FieldError;
import java.util.List;

/**
 * The API server answered a request with a refusal (validation, admission, quota, rights).
 * {@code status} is the HTTP status it answered with; {@code causes} its field-level causes.
 */
public class ClusterRefusedException extends RuntimeException {

    private final int status;
    private final String reason;
    private final String step;
    private final List<FieldError> causes;
    private final Integer retryAfterSeconds;

    public ClusterRefusedException(int status, String reason, String step, String message, List<FieldError> causes) {
        this(status, reason, step, message, causes, null);
    }

    public ClusterRefusedException(int status, String reason, String step, String message, List<FieldError> causes,
            Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.step = step;
        this.causes = List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The API server's own {@code retryAfterSeconds} (a 429 carries it); null when it named none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** The API server's {@code Status.reason} ({@code Invalid}, {@code Forbidden}, {@code NotFound}…). */
    public String reason() {
        return reason;
    }

    /** What the service was doing, e.g. {@code dry run of StatefulSet/eureka}. */
    public String step() {
        return step;
    }

    public List<FieldError> causes() {
        return causes;
    }
}
