package io.statefulapps.embedded.apiserver;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code GET pods/{name}/log} (core/v1 PodLogOptions), decoded and validated the
 * way the API server does before it asks the kubelet: bad numbers and booleans are 400, values
 * out of range 422 {@code PodLogOptions "pod" is invalid}. With {@code follow} the log of a running
 * container keeps streaming ({@link LogFollower}).
 */
record PodLogOptions(String container, boolean previous, boolean timestamps, boolean follow, Long tailLines,
        Long sinceSeconds, Instant sinceTime, Long limitBytes) {

    static PodLogOptions parse(RequestTarget target) {
        PodLogOptions o = new PodLogOptions(target.param("container"), bool(target, "previous"),
                bool(target, "timestamps"), bool(target, "follow"), number(target, "tailLines"),
                number(target, "sinceSeconds"), time(target, "sinceTime"), number(target, "limitBytes"));
        o.validate(target.name());
        return o;
    }

    private void validate(String pod) {
        List<ApiException.Cause> causes = new ArrayList<>();
        if (tailLines != null && tailLines < 0) {
            causes.add(invalid("tailLines", tailLines, "must be greater than or equal to 0"));
        }
        if (limitBytes != null && limitBytes < 1) {
            causes.add(invalid("limitBytes", limitBytes, "must be greater than 0"));
        }
        if (sinceSeconds != null && sinceSeconds < 1) {
            causes.add(invalid("sinceSeconds", sinceSeconds, "must be greater than 0"));
        }
        if (sinceSeconds != null && sinceTime != null) {
            causes.add(new ApiException.Cause("FieldValueForbidden", "",
                    "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        if (causes.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("PodLogOptions \"").append(pod).append("\" is invalid: ");
        for (int i = 0; i < causes.size(); i++) {
            ApiException.Cause c = causes.get(i);
            msg.append(i == 0 ? "" : ", ").append(c.field().isEmpty() ? "<nil>" : c.field()).append(": ")
                    .append(c.message());
        }
        throw new ApiException(422, "Invalid", msg.toString(), pod, "", "PodLogOptions", causes);
    }

    private static ApiException.Cause invalid(String field, long value, String why) {
        return new ApiException.Cause("FieldValueInvalid", field, "Invalid value: " + value + ": " + why);
    }

    /** Go's strconv.ParseBool, which the API server's query decoding uses; empty is false. */
    private static boolean bool(RequestTarget target, String key) {
        String v = target.param(key);
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw ApiException.badRequest("strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
        };
    }

    private static Long number(RequestTarget target, String key) {
        String v = target.param(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
        }
    }

    private static Instant time(RequestTarget target, String key) {
        String v = target.param(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parsing time \"" + v + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse");
        }
    }
}
