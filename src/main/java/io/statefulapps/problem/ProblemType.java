package io.statefulapps.problem;

/**
 * The kinds of problem this API answers with. The {@code type} URI of each is stable: clients may
 * switch on it. They are listed in the OpenAPI contract.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict with the state of the cluster", 409),
    PRECONDITION_FAILED("precondition-failed", "The app changed meanwhile", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    INVALID_SPEC("invalid-spec", "The app spec breaks a rule", 422),
    REFUSED_BY_CLUSTER("refused-by-cluster", "The Kubernetes API refused the request", 422),
    INTERNAL("internal", "Internal error", 500),
    CLUSTER_UNAVAILABLE("cluster-unavailable", "The Kubernetes API cannot be reached", 503),
    TOO_MANY_STREAMS("too-many-streams", "Too many open streams on this replica", 503);

    /** Base of every problem type URI. */
    public static final String BASE = "https://stateful-apps.dev/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
