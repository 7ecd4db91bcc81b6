package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A PersistentVolume bound to one of the app's claims. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "phase", "capacity", "reclaimPolicy", "storageClassName"})
public record PersistentVolumeReport(String name, String phase, String capacity, String reclaimPolicy,
        String storageClassName) {
}
