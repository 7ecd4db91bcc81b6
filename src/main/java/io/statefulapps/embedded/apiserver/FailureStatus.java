package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code Status} object of a refused request, field for field as kube-apiserver's
 * {@code apierrors} build it (kind, apiVersion, metadata, status, message, reason, details, code).
 * The server's own refusals ({@link ApiException}), the access control's and the fault rules' are
 * all built here, so that they read alike.
 */
public final class FailureStatus {

    private FailureStatus() {
    }

    /** The Status; {@code details} is left out when null. */
    public static ObjectNode of(int code, String reason, String message, ObjectNode details) {
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

    /** The details naming the refused object: each of name, group and kind only when not empty. */
    public static ObjectNode details(String name, String group, String kind) {
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

    /**
     * 422 Invalid: {@code Kind.group "name" is invalid: field: message}, the causes bracketed when
     * there are several, each cause also in {@code details.causes}.
     */
    public static ObjectNode invalid(String group, String kind, String name, List<ApiException.Cause> causes) {
        ObjectNode details = details(name, group, kind);
        ArrayNode list = details.putArray("causes");
        causes.forEach(cause -> addCause(list, cause));
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        return of(422, "Invalid", invalidMessage(qualifiedKind, name, causes), details);
    }

    static String invalidMessage(String qualifiedKind, String name, List<ApiException.Cause> causes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < causes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ")
                    .append(causes.get(i).message());
        }
        String all = causes.size() > 1 ? "[" + text + "]" : text.toString();
        return qualifiedKind + " \"" + name + "\" is invalid: " + all;
    }

    /** One entry of {@code details.causes}: reason and field when known, and the message. */
    static void addCause(ArrayNode causes, ApiException.Cause cause) {
        ObjectNode entry = causes.addObject();
        if (cause.reason() != null) {
            entry.put("reason", cause.reason());
        }
        entry.put("message", cause.message());
        if (cause.field() != null) {
            entry.put("field", cause.field());
        }
    }
}
