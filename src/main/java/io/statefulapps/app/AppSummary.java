package io.statefulapps.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.Reason;
import java.util.List;

/**
 * One app in a list, with its health verdict.
 *
 * @param reasons the reasons of its errors and warnings, worst first, each once; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppSummary(String name, String namespace, HealthStatus status, int replicas, int readyReplicas,
        String summary, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reason> reasons) {
}
