package io.statefulapps.cluster;

/** One of the names the app needs is already taken in the namespace. */
public class ObjectConflictException extends RuntimeException {

    private final String object;
    private final boolean managed;
    private final Integer retryAfterSeconds;

    public ObjectConflictException(String object, boolean managed, String message) {
        this(object, managed, message, null);
    }

    /** @param retryAfterSeconds when the conflict will clear by itself (an app being created), else null */
    public ObjectConflictException(String object, boolean managed, String message, Integer retryAfterSeconds) {
        super(message);
        this.object = object;
        this.managed = managed;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which the same request may succeed; null when only another name helps. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** {@code Kind/name} of the object that holds the name. */
    public String object() {
        return object;
    }

    /** Whether the object that holds the name was created by this service. */
    public boolean managed() {
        return managed;
    }
}
