package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing a person (or a bot) should know about.
 *
 * @param object  {@code Kind/name}, e.g. {@code Pod/eureka-1}
 * @param reason  stable code a bot can switch on
 * @param message what is wrong, with the cluster's own words where it has any
 * @param hint    the next thing to check, with the exact command
 */
@JsonPropertyOrder({"severity", "object", "reason", "message", "hint"})
public record Problem(Severity severity, String object, Reason reason, String message, String hint) {
}
