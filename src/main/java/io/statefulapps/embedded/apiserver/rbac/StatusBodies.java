package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code Status} objects of the refusals this package makes, field for field as
 * kube-apiserver's {@code apierrors} build them (kind, apiVersion, metadata, status, message,
 * reason, details, code).
 */
final class StatusBodies {

    /** One entry of {@code details.causes}: a field and what is wrong with it. */
    record Cause(String field, String message) {
    }

    private StatusBodies() {
    }

    static ObjectNode unauthorized() {
        return failure("Unauthorized", "Unauthorized", null, 401);
    }

    /** {@code <group resource> ["<name>"] is forbidden: <why>}, or {@code forbidden: <why>}. */
    static ObjectNode forbidden(String group, String resource, String name, String why) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        String message;
        if (resource.isEmpty()) {
            message = "forbidden: " + why;
        } else if (name.isEmpty()) {
            message = qualified + " is forbidden: " + why;
        } else {
            message = qualified + " \"" + name + "\" is forbidden: " + why;
        }
        return failure(message, "Forbidden", details(name, group, resource), 403);
    }

    static ObjectNode badRequest(String message) {
        return failure(message, "BadRequest", null, 400);
    }

    static ObjectNode unsupportedMediaType(String message) {
        return failure(message, "UnsupportedMediaType", null, 415);
    }

    static ObjectNode notFound(String group, String resource, String name) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        return failure(qualified + " \"" + name + "\" not found", "NotFound", details(name, group, resource), 404);
    }

    /** 422 Invalid: {@code Kind.group "name" is invalid: field: message} (bracketed when several). */
    static ObjectNode invalid(String group, String kind, String name, List<Cause> causes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < causes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ")
                    .append(causes.get(i).message());
        }
        String all = causes.size() > 1 ? "[" + text + "]" : text.toString();
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        ObjectNode details = details(name, group, kind);
        ArrayNode list = details.putArray("causes");
        for (Cause cause : causes) {
            list.addObject().put("reason", "FieldValueInvalid").put("message", cause.message())
                    .put("field", cause.field());
        }
        return failure(qualifiedKind + " \"" + name + "\" is invalid: " + all, "Invalid", details, 422);
    }

    /** Go's {@code field.Invalid} wording: {@code Invalid value: 60: detail}, strings quoted. */
    static String invalidValue(Object value, String detail) {
        String shown = value == null ? "\"null\"" : value instanceof String s ? quote(s) : String.valueOf(value);
        return "Invalid value: " + shown + ": " + detail;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ObjectNode details(String name, String group, String kind) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (!name.isEmpty()) {
            details.put("name", name);
        }
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        if (!kind.isEmpty()) {
            details.put("kind", kind);
        }
        return details;
    }

    private static ObjectNode failure(String message, String reason, ObjectNode details, int code) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }
}
