package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One of the two Services.
 *
 * @param role            {@code headless} or {@code client}
 * @param selectorMatches how many of the app's pods its selector matches
 * @param readyEndpoints  ready endpoints its EndpointSlices list
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"role", "name", "status", "type", "clusterIP", "ports", "selectorMatches", "readyEndpoints",
        "loadBalancerIngress"})
public record ServiceReport(String role, String name, HealthStatus status, String type, String clusterIP,
        List<PortReport> ports, int selectorMatches, int readyEndpoints, List<String> loadBalancerIngress) {

    ServiceReport withStatus(HealthStatus worse) {
        return new ServiceReport(role, name, status.worse(worse), type, clusterIP, ports, selectorMatches, readyEndpoints,
                loadBalancerIngress);
    }
}
