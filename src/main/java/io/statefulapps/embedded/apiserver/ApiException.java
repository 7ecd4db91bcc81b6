package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A refusal shaped like the real API server's {@code Status} object. Thrown anywhere in the
 * pipeline (by the seams too) and turned into the HTTP answer by the front.
 */
public final class ApiException extends RuntimeException {

    /** One entry of {@code details.causes}. */
    public record Cause(String reason, String field, String message) {
    }

    private final int code;
    private final String reason;
    private final String name;
    private final String group;
    private final String kind;
    private final List<Cause> causes;
    private final int retryAfterSeconds;

    public ApiException(int code, String reason, String message, String name, String group, String kind,
            List<Cause> causes) {
        this(code, reason, message, name, group, kind, causes, 0);
    }

    /** With {@code retryAfterSeconds} > 0 the Status carries details.retryAfterSeconds and a Retry-After header. */
    public ApiException(int code, String reason, String message, String name, String group, String kind,
            List<Cause> causes, int retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The refusal a seam built as a kube-apiserver {@code Status} object, answered as it is. */
    public static ApiException fromStatus(JsonNode status) {
        JsonNode details = status.path("details");
        List<Cause> causes = new ArrayList<>();
        details.path("causes").forEach(c -> causes.add(new Cause(c.path("reason").asText(null),
                c.path("field").asText(null), c.path("message").asText(""))));
        return new ApiException(status.path("code").asInt(500), status.path("reason").asText(""),
                status.path("message").asText(""), details.path("name").asText(null),
                details.path("group").asText(null), details.path("kind").asText(null), causes,
                details.path("retryAfterSeconds").asInt(0));
    }

    static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", type.qualifiedResource() + " \"" + name + "\" not found",
                name, type.group(), type.plural(), List.of());
    }

    /** The answer to a path nothing serves. */
    static ApiException noSuchPath() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource", null, null,
                null, List.of());
    }

    static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists",
                type.qualifiedResource() + " \"" + name + "\" already exists", name, type.group(), type.plural(),
                List.of());
    }

    static ApiException conflict(ResourceType type, String name, String why) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedResource()
                + " \"" + name + "\": " + why, name, type.group(), type.plural(), List.of());
    }

    static ApiException forbidden(ResourceType type, String name, String why) {
        return new ApiException(403, "Forbidden", type.qualifiedResource() + " \"" + name + "\" is forbidden: "
                + why, name, type.group(), type.plural(), List.of());
    }

    static ApiException methodNotAllowed() {
        return new ApiException(405, "MethodNotAllowed",
                "the server does not allow this method on the requested resource", null, null, null, List.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null, null, null, List.of());
    }

    /** kube-apiserver's answer to a request without valid credentials. */
    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "Unauthorized", null, null, null, List.of());
    }

    /** 422 Invalid, message "Kind.group "name" is invalid: field: Reason: detail, ...". */
    static ApiException invalid(ResourceType type, String name, List<Cause> causes) {
        return new ApiException(422, "Invalid", FailureStatus.invalidMessage(type.qualifiedKind(), name, causes), name,
                type.group(), type.kind(), causes);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<Cause> causes() {
        return causes;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ObjectNode toStatus() {
        ObjectNode details = JsonText.object();
        if (name != null) {
            details.put("name", name);
        }
        if (group != null && !group.isEmpty()) {
            details.put("group", group);
        }
        if (kind != null) {
            details.put("kind", kind);
        }
        if (!causes.isEmpty()) {
            ArrayNode list = details.putArray("causes");
            causes.forEach(cause -> FailureStatus.addCause(list, cause));
        }
        if (retryAfterSeconds > 0) {
            details.put("retryAfterSeconds", retryAfterSeconds);
        }
        return FailureStatus.of(code, reason, getMessage(), details.isEmpty() ? null : details);
    }
}
