package io.statefulapps.cluster;

/** One of the names the app needs is already taken in the namespace. */
public class ObjectConflictException extends RuntimeException {

    private final String object;
    private final boolean managed;

    public ObjectConflictException(String object, boolean managed, String message) {
        super(message);
        this.object = object;
        this.managed = managed;
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
