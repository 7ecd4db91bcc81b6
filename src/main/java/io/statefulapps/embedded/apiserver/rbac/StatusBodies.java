package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.embedded.apiserver.ApiException;
import io.statefulapps.embedded.apiserver.FailureStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Status} objects of the refusals this package makes, worded as kube-apiserver's
 * {@code apierrors} word them; {@link FailureStatus} builds them.
 */
final class StatusBodies {

    /** One entry of {@code details.causes}: a field and what is wrong with it. */
    record Cause(String field, String message) {
    }

    private StatusBodies() {
    }

    static ObjectNode unauthorized() {
        return FailureStatus.of(401, "Unauthorized", "Unauthorized", null);
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
        return FailureStatus.of(403, "Forbidden", message, FailureStatus.details(name, group, resource));
    }

    static ObjectNode badRequest(String message) {
        return FailureStatus.of(400, "BadRequest", message, null);
    }

    static ObjectNode unsupportedMediaType(String message) {
        return FailureStatus.of(415, "UnsupportedMediaType", message, null);
    }

    static ObjectNode notFound(String group, String resource, String name) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        return FailureStatus.of(404, "NotFound", qualified + " \"" + name + "\" not found",
                FailureStatus.details(name, group, resource));
    }

    /** 422 Invalid: {@code Kind.group "name" is invalid: field: message} (bracketed when several). */
    static ObjectNode invalid(String group, String kind, String name, List<Cause> causes) {
        List<ApiException.Cause> invalid = new ArrayList<>(causes.size());
        for (Cause cause : causes) {
            invalid.add(new ApiException.Cause("FieldValueInvalid", cause.field(), cause.message()));
        }
        return FailureStatus.invalid(group, kind, name, invalid);
    }

    /** Go's {@code field.Invalid} wording: {@code Invalid value: 60: detail}, strings quoted. */
    static String invalidValue(Object value, String detail) {
        String shown = value == null ? "\"null\"" : value instanceof String s ? quote(s) : String.valueOf(value);
        return "Invalid value: " + shown + ": " + detail;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
