package io.statefulapps.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statefulapps.health.HealthStatus;
import java.util.List;

/** The short status shown with an app; the full verdict is at {@code …/health}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppStatus(HealthStatus health, int replicas, int readyReplicas, String summary, List<String> missing) {
}
