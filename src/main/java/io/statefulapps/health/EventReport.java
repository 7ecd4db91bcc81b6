package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** A Warning event, with repeats folded into {@code count}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "reason", "object", "message", "count", "lastSeen"})
public record EventReport(String type, String reason, String object, String message, int count, Instant lastSeen) {
}
