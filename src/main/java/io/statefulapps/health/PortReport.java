package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Service port; {@code targetPort} as written (a number or a port name). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "port", "protocol", "targetPort", "nodePort"})
public record PortReport(String name, Integer port, String protocol, String targetPort, Integer nodePort) {
}
