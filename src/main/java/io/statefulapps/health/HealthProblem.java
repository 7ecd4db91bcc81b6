package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One thing a person (or a bot) should know about.
 *
 * @param object  {@code Kind/name}, e.g. {@code Pod/eureka-1}
 * @param reason  stable code a bot can switch on
 * @param message what is wrong, with the cluster's own words where it has any
 * @param hint    the next thing to check, with the exact command
 * @param since   when the problem was first seen: carried from report to report by
 *                {@link HealthSince#carry}; before that, what the objects' own timestamps tell
 *                ({@code null} when they tell nothing)
 */
@JsonPropertyOrder({"severity", "object", "reason", "message", "hint", "since"})
public record HealthProblem(
        Severity severity,
        String object,
        Reason reason,
        String message,
        String hint,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant since) {

    public HealthProblem(Severity severity, String object, Reason reason, String message, String hint) {
        this(severity, object, reason, message, hint, null);
    }

    HealthProblem withSince(Instant when) {
        return new HealthProblem(severity, object, reason, message, hint, when);
    }

    /** What stays the same while the situation does: the reason and the object, not the words. */
    String identity() {
        return identity(reason, object);
    }

    static String identity(Reason reason, String object) {
        return reason + " " + object;
    }
}
