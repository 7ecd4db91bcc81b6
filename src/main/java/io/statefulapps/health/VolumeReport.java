package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The chain pod → PVC → PV for one pod and one claim template.
 *
 * @param claim  {@code null} when the PVC does not exist
 * @param volume {@code null} while the PVC is not bound, or when its PV does not exist
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"pod", "claimTemplate", "status", "claim", "volume"})
public record VolumeReport(String pod, String claimTemplate, HealthStatus status, ClaimReport claim,
        PersistentVolumeReport volume) {
}
