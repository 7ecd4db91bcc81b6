package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.IntOrString;

/** A port the app listens on; it is published by both Services and declared on the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortSpec(String name, Integer port, IntOrString targetPort, String protocol) {
}
