package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request this package refuses, with the HTTP code and the {@code Status} body kube-apiserver
 * answers in that case: the server writes {@link #status()} with {@link #code()}.
 */
public final class ApiRefusal extends RuntimeException {

    private final transient ObjectNode status;

    ApiRefusal(ObjectNode status) {
        super(status.path("message").asText());
        this.status = status;
    }

    public int code() {
        return status.path("code").asInt();
    }

    /** A copy of the {@code Status} object to answer. */
    public ObjectNode status() {
        return status.deepCopy();
    }
}
