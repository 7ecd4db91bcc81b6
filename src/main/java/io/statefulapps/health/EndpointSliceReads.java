package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.util.ArrayList;
import java.util.List;

/** Reads of EndpointSlices: which belong to a Service, and which of their endpoints are ready. */
final class EndpointSliceReads {

    private EndpointSliceReads() {
    }

    static List<Endpoint> endpointsOf(String serviceName, List<EndpointSlice> slices) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (EndpointSlice slice : slices) {
            if (serviceName.equals(MetadataReads.labels(slice).get(WellKnownLabels.SERVICE_NAME))
                    && slice.getEndpoints() != null) {
                endpoints.addAll(slice.getEndpoints());
            }
        }
        return endpoints;
    }

    /** The API says an absent ready condition is to be read as ready. */
    static boolean isReady(Endpoint endpoint) {
        return endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                || endpoint.getConditions().getReady();
    }

    static List<String> addresses(Endpoint endpoint) {
        return endpoint.getAddresses() == null ? List.of() : endpoint.getAddresses();
    }
}
