package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A PersistentVolumeClaim; sizes as Kubernetes quantities ({@code 1Gi}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "phase", "capacity", "requested", "storageClassName", "accessModes", "volumeName"})
public record ClaimReport(String name, String phase, String capacity, String requested, String storageClassName,
        List<String> accessModes, String volumeName) {
}
