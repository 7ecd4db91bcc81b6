package io.statefulapps.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of the apps of a namespace, sorted by name; {@code continue} fetches the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppList(List<AppSummary> items, @JsonProperty("continue") String continueToken) {
}
