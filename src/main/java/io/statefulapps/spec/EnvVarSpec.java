package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.EnvVarSource;

/** An environment variable: a literal {@code value} or a Kubernetes {@code valueFrom} reference. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVarSpec(String name, String value, EnvVarSource valueFrom) {
}
