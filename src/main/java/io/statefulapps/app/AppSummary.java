package io.statefulapps.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statefulapps.health.HealthStatus;

/** One app in a list, with its health verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppSummary(String name, String namespace, HealthStatus status, int replicas, int readyReplicas,
        String summary) {
}
