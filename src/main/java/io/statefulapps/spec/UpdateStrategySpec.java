package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code RollingUpdate} (with an optional {@code partition}) or {@code OnDelete}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateStrategySpec(String type, Integer partition) {
}
