package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * A request that passed the pipeline's checks: who sent it and its decoded body (the object of a
 * POST, PUT or DELETE; null when none). PATCH bodies stay text for {@link Patches}.
 */
record ApiRequest(Incoming incoming, UserInfo user, ObjectNode object) {

    RequestTarget target() {
        return incoming.target().unwatched();
    }

    String method() {
        return incoming.method();
    }

    String header(String name) {
        return incoming.header(name);
    }

    String text() {
        return new String(incoming.rawBody(), StandardCharsets.UTF_8);
    }

    /** The decoded object; a 400 like the real server's when the request has none. */
    ObjectNode requireObject() {
        if (object == null) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return object;
    }
}
