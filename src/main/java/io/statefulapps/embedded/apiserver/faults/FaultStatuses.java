package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.embedded.apiserver.ApiException;
import io.statefulapps.embedded.apiserver.FailureStatus;
import java.util.List;
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
        return FailureStatus.of(410, "Expired",
                "too old resource version: " + requestedVersion + " (" + currentVersion + ")", null);
    }

    private static FaultOutcome.Fail invalid(FaultTarget target, String why) {
        String kind = target.kind().isEmpty() ? target.resource() : target.kind();
        ApiException.Cause cause = new ApiException.Cause("FieldValueInvalid", "metadata.name",
                "Invalid value: \"" + target.name() + "\": " + why);
        return fail(422, FailureStatus.invalid(target.apiGroup(), kind, target.name(), List.of(cause)), Map.of());
    }

    private static ObjectNode details(FaultTarget target) {
        return FailureStatus.details(target.name(), target.apiGroup(), target.resource());
    }

    private static FaultOutcome.Fail fail(int code, String message, String reason, ObjectNode details,
            Map<String, String> headers) {
        return fail(code, FailureStatus.of(code, reason, message, details), headers);
    }

    private static FaultOutcome.Fail fail(int code, ObjectNode status, Map<String, String> headers) {
        // An injected failure ends its connection, as an overloaded server shedding load does: a client's
        // retry then starts on a fresh connection instead of racing the end of the refused one.
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Connection", "close");
        return new FaultOutcome.Fail(code, status, Map.copyOf(all));
    }
}
