package io.statefulapps.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The short status shown with an app; the full verdict is at {@code …/health}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppStatus(String health, int replicas, int readyReplicas, List<String> missing) {
}
