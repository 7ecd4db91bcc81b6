package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of authenticating a bearer token: the user, the audiences the token was accepted for,
 * or why it was not accepted (the text a TokenReview's {@code status.error} carries).
 */
public record Authentication(Optional<RbacUser> user, List<String> audiences, String error) {

    public Authentication {
        audiences = List.copyOf(audiences);
        error = error == null ? "" : error;
    }

    static Authentication of(RbacUser user, List<String> audiences) {
        return new Authentication(Optional.of(user), audiences, "");
    }

    static Authentication refused(String error) {
        return new Authentication(Optional.empty(), List.of(), error);
    }

    public boolean authenticated() {
        return user.isPresent();
    }

    /** kube-apiserver's 401 answer: a {@code Status} with message and reason {@code Unauthorized}. */
    public static ObjectNode unauthorizedStatus() {
        return StatusBodies.unauthorized();
    }
}
