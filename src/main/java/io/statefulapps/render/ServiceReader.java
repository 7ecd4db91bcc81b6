package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.statefulapps.spec.HeadlessServiceSpec;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.PortSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Service parts of a spec, read from the live Services. */
final class ServiceReader {

    /** Written by {@code kubectl apply}: a tool's bookkeeping, not something the spec said. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ServiceReader() {
    }

    /**
     * The spec's ports, from the client Service (the headless one renders the same list). Server
     * additions such as {@code nodePort} are not part of the spec.
     */
    static List<PortSpec> ports(Service client) {
        List<ServicePort> ports = client.getSpec().getPorts();
        return ports == null ? null : ports.stream()
                .map(port -> new PortSpec(port.getName(), port.getPort(), ModelCopies.copy(port.getTargetPort()),
                        port.getProtocol()))
                .toList();
    }

    static HeadlessServiceSpec headlessOptions(Service headless) {
        return new HeadlessServiceSpec(headless.getSpec().getPublishNotReadyAddresses(),
                userAnnotations(headless.getMetadata()));
    }

    /** The client Service's part of the spec; clusterIP, nodePorts, ipFamilies and the like are the server's. */
    static io.statefulapps.spec.ServiceSpec clientService(Service client) {
        ServiceSpec spec = client.getSpec();
        return new io.statefulapps.spec.ServiceSpec(
                client.getMetadata().getName(),
                spec.getType(),
                spec.getExternalTrafficPolicy(),
                userAnnotations(client.getMetadata()),
                spec.getSessionAffinity(),
                spec.getLoadBalancerSourceRanges(),
                spec.getLoadBalancerClass());
    }

    static Map<String, String> userAnnotations(ObjectMeta metadata) {
        if (metadata == null || metadata.getAnnotations() == null) {
            return null;
        }
        Map<String, String> annotations = new LinkedHashMap<>(metadata.getAnnotations());
        annotations.remove(LAST_APPLIED);
        return annotations;
    }
}
