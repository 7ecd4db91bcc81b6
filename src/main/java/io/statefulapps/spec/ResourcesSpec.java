package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Container requests and limits, as Kubernetes quantities ({@code "100m"}, {@code "512Mi"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourcesSpec(Map<String, String> requests, Map<String, String> limits) {
}
