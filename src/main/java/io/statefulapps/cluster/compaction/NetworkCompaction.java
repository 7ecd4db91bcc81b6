package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Collections;

/**
 * Services kept whole (the app views read them back into the app's spec) and compacted;
 * EndpointSlices with what DNS and the health rules read of each endpoint (addresses, readiness,
 * hostname, the pod it is), compacted.
 */
final class NetworkCompaction {

    private final ValueCompaction values;

    NetworkCompaction(ValueCompaction values) {
        this.values = values;
    }

    void service(Service service) {
        values.meta(service.getMetadata());
        ServiceSpec spec = service.getSpec();
        if (spec != null) {
            spec.setClusterIP(values.text(spec.getClusterIP()));
            spec.setClusterIPs(values.texts(spec.getClusterIPs()));
            spec.setExternalIPs(values.texts(spec.getExternalIPs()));
            spec.setIpFamilies(values.texts(spec.getIpFamilies()));
            spec.setLoadBalancerSourceRanges(values.texts(spec.getLoadBalancerSourceRanges()));
            spec.setPorts(values.list(spec.getPorts(), this::servicePort));
            spec.setSelector(values.labels(spec.getSelector()));
            spec.setExternalTrafficPolicy(values.text(spec.getExternalTrafficPolicy()));
            spec.setInternalTrafficPolicy(values.text(spec.getInternalTrafficPolicy()));
            spec.setIpFamilyPolicy(values.text(spec.getIpFamilyPolicy()));
            spec.setSessionAffinity(values.text(spec.getSessionAffinity()));
            spec.setType(values.text(spec.getType()));
            spec.setAdditionalProperties(values.extras(spec.getAdditionalProperties()));
        }
        if (service.getStatus() != null) {
            var status = service.getStatus();
            status.setConditions(values.list(status.getConditions(), unwalked -> { }));
            if (status.getLoadBalancer() != null) {
                status.getLoadBalancer().setIngress(values.list(status.getLoadBalancer().getIngress(), ingress -> {
                    ingress.setPorts(values.list(ingress.getPorts(), unwalked -> { }));
                    ingress.setAdditionalProperties(values.extras(ingress.getAdditionalProperties()));
                }));
                status.getLoadBalancer().setAdditionalProperties(
                        values.extras(status.getLoadBalancer().getAdditionalProperties()));
            }
            status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
        }
        service.setApiVersion(values.text(service.getApiVersion()));
        service.setKind(values.text(service.getKind()));
        service.setAdditionalProperties(values.extras(service.getAdditionalProperties()));
    }

    private void servicePort(ServicePort port) {
        port.setName(values.text(port.getName()));
        port.setProtocol(values.text(port.getProtocol()));
        port.setAppProtocol(values.text(port.getAppProtocol()));
        port.setAdditionalProperties(values.extras(port.getAdditionalProperties()));
    }

    void slice(EndpointSlice slice) {
        if (slice.getMetadata() != null) {
            slice.getMetadata().setOwnerReferences(Collections.emptyList());
        }
        values.metaWithoutUid(slice.getMetadata());
        slice.setEndpoints(values.list(slice.getEndpoints(), this::endpoint));
        slice.setPorts(values.list(slice.getPorts(), port -> {
            port.setName(values.text(port.getName()));
            port.setProtocol(values.text(port.getProtocol()));
            port.setAppProtocol(values.text(port.getAppProtocol()));
            port.setAdditionalProperties(values.extras(port.getAdditionalProperties()));
        }));
        slice.setAddressType(values.text(slice.getAddressType()));
        slice.setApiVersion(values.text(slice.getApiVersion()));
        slice.setKind(values.text(slice.getKind()));
        slice.setAdditionalProperties(values.extras(slice.getAdditionalProperties()));
    }

    private void endpoint(Endpoint endpoint) {
        endpoint.setAddresses(values.texts(endpoint.getAddresses()));
        endpoint.setDeprecatedTopology(Collections.emptyMap());
        endpoint.setHints(null);
        endpoint.setZone(null);
        endpoint.setNodeName(values.text(endpoint.getNodeName()));
        endpoint.setHostname(values.text(endpoint.getHostname()));
        if (endpoint.getConditions() != null) {
            endpoint.getConditions().setAdditionalProperties(
                    values.extras(endpoint.getConditions().getAdditionalProperties()));
        }
        values.objectReference(endpoint.getTargetRef());
        endpoint.setAdditionalProperties(values.extras(endpoint.getAdditionalProperties()));
    }
}
