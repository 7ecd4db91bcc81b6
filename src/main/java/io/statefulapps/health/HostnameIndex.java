package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headless Service's endpoints by the hostname DNS serves them under, built once per report
 * so that looking up every pod costs one map access, not a scan of all endpoints.
 *
 * @param byHostname          endpoints whose {@code hostname} is set, by that hostname
 * @param podsWithoutHostname pods (by targetRef) that have an endpoint without a hostname: DNS has no name for them
 */
record HostnameIndex(Map<String, List<Endpoint>> byHostname, Set<String> podsWithoutHostname) {

    static HostnameIndex of(List<Endpoint> endpoints) {
        Map<String, List<Endpoint>> byHostname = new HashMap<>();
        Set<String> withoutHostname = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.getHostname() != null) {
                byHostname.computeIfAbsent(endpoint.getHostname(), h -> new ArrayList<>()).add(endpoint);
            } else if (endpoint.getTargetRef() != null && "Pod".equals(endpoint.getTargetRef().getKind())
                    && endpoint.getTargetRef().getName() != null) {
                withoutHostname.add(endpoint.getTargetRef().getName());
            }
        }
        return new HostnameIndex(byHostname, withoutHostname);
    }

    List<Endpoint> published(String hostname) {
        return byHostname.getOrDefault(hostname, List.of());
    }
}
