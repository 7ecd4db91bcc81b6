package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What happens to the PVCs when the StatefulSet is deleted or scaled down: {@code Retain} or {@code Delete}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionPolicySpec(String whenDeleted, String whenScaled) {
}
