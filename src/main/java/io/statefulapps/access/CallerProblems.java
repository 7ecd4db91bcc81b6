package io.statefulapps.access;

import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemType;

/** The 401 and 403 problems of the caller checks, worded once. */
public final class CallerProblems {

    /** The challenge every 401 carries (RFC 9110 requires one; RFC 6750 words it). */
    public static final String CHALLENGE = "Bearer realm=\"stateful-apps\"";
    public static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

    private CallerProblems() {
    }

    public static Problem noToken() {
        return Problem.of(ProblemType.UNAUTHENTICATED, "Send 'Authorization: Bearer <token>' with a Kubernetes token "
                + "of yours (for a service account: kubectl create token <name>); the service checks it with the "
                + "Kubernetes API and lets you do what your own rights allow.");
    }

    public static Problem tokenRejected() {
        return Problem.of(ProblemType.UNAUTHENTICATED,
                "The Kubernetes API did not accept the bearer token (expired, revoked, or meant for another cluster).");
    }

    /** Worded like the API server's own refusal, so the fix (a Role) is obvious to anyone who knows kubectl. */
    public static Problem refused(String username, AccessCheck check, AccessVerdict verdict) {
        String detail = check.refusal(username);
        return Problem.of(ProblemType.FORBIDDEN, verdict.reason().isEmpty() ? detail : detail + ": " + verdict.reason());
    }

    public static Problem noRule(String method, String path) {
        return Problem.of(ProblemType.FORBIDDEN, "The service has no access rule for " + method + " " + path
                + ", so it refuses it rather than let it through unchecked.");
    }
}
