package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The answers a failing rule gives, worded as kube-apiserver words them for each code: 409
 * Conflict ({@code Operation cannot be fulfilled on ...}) or AlreadyExists, 422 Invalid, 429
 * TooManyRequests ({@code Too many requests, please try again later.}, with {@code Retry-After}),
 * 500 InternalError, 503 ServiceUnavailable, and 410 Expired for a watch.
 */
final class FaultStatuses {

    static final String INJECTED = "injected by fault rule %d of the embedded API server";
    static final int DEFAULT_RETRY_AFTER = 1;

    private FaultStatuses() {
    }

    static FaultOutcome.Fail failure(FaultRule rule, int index, FaultTarget target) {
        String why = String.format(INJECTED, index);
        int code = rule.status().orElseThrow();
        return switch (code) {
            case 409 -> rule.reason().orElse("Conflict").equals("AlreadyExists")
                    ? fail(409, target.qualifiedResource() + " \"" + target.name() + "\" already exists",
                            "AlreadyExists", details(target), Map.of())
                    : fail(409, "Operation cannot be fulfilled on " + target.qualifiedResource() + " \"" + target.name()
                            + "\": the object has been modified; please apply your changes to the latest version and"
                            + " try again", "Conflict", details(target), Map.of());
            case 422 -> invalid(target, why);
            case 429 -> {
                int after = rule.retryAfterSeconds().orElse(DEFAULT_RETRY_AFTER);
                ObjectNode details = JsonNodeFactory.instance.objectNode().put("retryAfterSeconds", after);
                yield fail(429, "Too many requests, please try again later.", "TooManyRequests", details,
                        Map.of("Retry-After", String.valueOf(after)));
            }
            case 500 -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.putArray("causes").addObject().put("message", why);
                yield fail(500, "Internal error occurred: " + why, "InternalError", details, Map.of());
            }
            case 503 -> fail(503, "the server is currently unable to handle the request", "ServiceUnavailable",
                    null, rule.retryAfterSeconds().isPresent()
                            ? Map.of("Retry-After", String.valueOf(rule.retryAfterSeconds().getAsInt())) : Map.of());
            default -> throw new IllegalStateException("the parser admits no status " + code);
        };
    }

    static ObjectNode expired(String requestedVersion, String currentVersion) {
        return status("too old resource version: " + requestedVersion + " (" + currentVersion + ")", "Expired",
                null, 410);
    }

    private static FaultOutcome.Fail invalid(FaultTarget target, String why) {
        String kind = target.kind().isEmpty() ? target.resource() : target.kind();
        String qualifiedKind = target.apiGroup().isEmpty() ? kind : kind + "." + target.apiGroup();
        String message = "Invalid value: \"" + target.name() + "\": " + why;
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (!target.name().isEmpty()) {
            details.put("name", target.name());
        }
        if (!target.apiGroup().isEmpty()) {
            details.put("group", target.apiGroup());
        }
        details.put("kind", kind);
        details.putArray("causes").addObject().put("reason", "FieldValueInvalid").put("message", message)
                .put("field", "metadata.name");
        return fail(422, qualifiedKind + " \"" + target.name() + "\" is invalid: metadata.name: " + message,
                "Invalid", details, Map.of());
    }

    private static ObjectNode details(FaultTarget target) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (!target.name().isEmpty()) {
            details.put("name", target.name());
        }
        if (!target.apiGroup().isEmpty()) {
            details.put("group", target.apiGroup());
        }
        details.put("kind", target.resource());
        return details;
    }

    private static FaultOutcome.Fail fail(int code, String message, String reason, ObjectNode details,
            Map<String, String> headers) {
        // An injected failure ends its connection, as an overloaded server shedding load does: a client's
        // retry then starts on a fresh connection instead of racing the end of the refused one.
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Connection", "close");
        return new FaultOutcome.Fail(code, status(message, reason, details, code), Map.copyOf(all));
    }

    private static ObjectNode status(String message, String reason, ObjectNode details, int code) {
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
