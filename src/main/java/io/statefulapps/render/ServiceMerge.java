package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceSpecBuilder;
import io.statefulapps.spec.AppSpecDefaults;
import java.util.List;
import java.util.Objects;

/**
 * The Service to write for an update: the new rendering, on top of the live object, keeping what
 * the API server allocated (cluster IPs, IP families, node ports, health check node port), since a
 * Service must keep its address and its node ports stay stable for the load balancer in front.
 * Node ports go when the type no longer exposes any (back to ClusterIP).
 */
final class ServiceMerge {

    private ServiceMerge() {
    }

    static Service merge(Service live, Service wroteBefore, Service wantNow) {
        ServiceSpec liveSpec = live.getSpec() == null ? new ServiceSpec() : live.getSpec();
        ServiceSpecBuilder spec = new ServiceSpecBuilder(wantNow.getSpec())
                .withClusterIP(liveSpec.getClusterIP())
                .withClusterIPs(liveSpec.getClusterIPs())
                .withIpFamilies(liveSpec.getIpFamilies())
                .withIpFamilyPolicy(liveSpec.getIpFamilyPolicy())
                .withInternalTrafficPolicy(liveSpec.getInternalTrafficPolicy());
        String type = wantNow.getSpec().getType();
        boolean nodePorts = AppSpecDefaults.exposesNodePorts(type);
        spec.withPorts(wantNow.getSpec().getPorts().stream()
                .map(port -> nodePorts ? withLiveNodePort(port, liveSpec.getPorts()) : port)
                .toList());
        if ("LoadBalancer".equals(type) && "LoadBalancer".equals(liveSpec.getType())) {
            spec.withAllocateLoadBalancerNodePorts(liveSpec.getAllocateLoadBalancerNodePorts());
            if ("Local".equals(wantNow.getSpec().getExternalTrafficPolicy())) {
                spec.withHealthCheckNodePort(liveSpec.getHealthCheckNodePort());
            }
        }
        return new ServiceBuilder(live)
                .withMetadata(new ObjectMetaBuilder(live.getMetadata())
                        .withLabels(MetadataMerge.merge(live.getMetadata().getLabels(),
                                wroteBefore.getMetadata().getLabels(), wantNow.getMetadata().getLabels()))
                        .withAnnotations(MetadataMerge.merge(live.getMetadata().getAnnotations(),
                                wroteBefore.getMetadata().getAnnotations(), wantNow.getMetadata().getAnnotations()))
                        .build())
                .withSpec(spec.build())
                .build();
    }

    /** The same port (by name when named, else by number and protocol) keeps its allocated node port. */
    private static ServicePort withLiveNodePort(ServicePort wanted, List<ServicePort> livePorts) {
        if (livePorts == null) {
            return wanted;
        }
        return livePorts.stream()
                .filter(live -> live.getNodePort() != null && samePort(live, wanted))
                .findFirst()
                .map(live -> new ServicePortBuilder(wanted).withNodePort(live.getNodePort()).build())
                .orElse(wanted);
    }

    private static boolean samePort(ServicePort a, ServicePort b) {
        if (a.getName() != null && !a.getName().isEmpty() && b.getName() != null) {
            return a.getName().equals(b.getName());
        }
        return Objects.equals(a.getPort(), b.getPort())
                && Objects.equals(protocol(a), protocol(b));
    }

    private static String protocol(ServicePort port) {
        return port.getProtocol() == null ? AppSpecDefaults.PROTOCOL : port.getProtocol();
    }
}
