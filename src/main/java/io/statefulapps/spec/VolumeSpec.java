package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One volumeClaimTemplate and where it is mounted: every pod gets its own claim of this shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeSpec(
        String name,
        String mountPath,
        String size,
        String storageClassName,
        List<String> accessModes,
        String volumeMode,
        String subPath,
        Boolean readOnly) {
}
