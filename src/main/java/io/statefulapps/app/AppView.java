package io.statefulapps.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statefulapps.spec.AppSpec;

/** An app as the API shows it: its spec (defaults filled in) and a short status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppView(String name, String namespace, AppSpec spec, AppStatus status) {
}
