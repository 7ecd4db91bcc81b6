package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.ModelCopies;
import io.statefulapps.spec.PortSpec;
import io.statefulapps.spec.ServiceSpec;
import java.util.List;
import java.util.Map;

/** The two Services of an app, from a spec with defaults applied. */
final class ServiceRenderer {

    /** What makes a Service headless: no virtual IP, DNS answers with the pod IPs. */
    static final String NO_CLUSTER_IP = "None";
    static final String CLUSTER_IP = "ClusterIP";

    private ServiceRenderer() {
    }

    /**
     * The headless Service, named by the StatefulSet's {@code serviceName}. Its ports carry the
     * spec's port names (when given) so cluster DNS publishes SRV records for them
     * ({@code _http._tcp.<headless>}); the seed's unnamed port stays unnamed.
     */
    static Service headless(String namespace, AppSpec spec) {
        return new ServiceBuilder()
                .withMetadata(metadata(namespace, spec, spec.headlessServiceName(),
                        spec.headlessService().annotations()))
                .withNewSpec()
                .withType(CLUSTER_IP)
                .withClusterIP(NO_CLUSTER_IP)
                .withSessionAffinity(AppSpecDefaults.SESSION_AFFINITY)
                .withPublishNotReadyAddresses(spec.headlessService().publishNotReadyAddresses())
                .withSelector(ManagedLabels.selector(spec.name()))
                .withPorts(ports(spec.ports()))
                .endSpec()
                .build();
    }

    /** The client Service: ClusterIP, NodePort or LoadBalancer, with the cloud's annotations. */
    static Service client(String namespace, AppSpec spec) {
        ServiceSpec service = spec.service();
        return new ServiceBuilder()
                .withMetadata(metadata(namespace, spec, service.name(), service.annotations()))
                .withNewSpec()
                .withType(service.type())
                .withSessionAffinity(service.sessionAffinity())
                .withExternalTrafficPolicy(service.externalTrafficPolicy())
                .withLoadBalancerClass(service.loadBalancerClass())
                .withLoadBalancerSourceRanges(service.loadBalancerSourceRanges())
                .withSelector(ManagedLabels.selector(spec.name()))
                .withPorts(ports(spec.ports()))
                .endSpec()
                .build();
    }

    private static ObjectMeta metadata(String namespace, AppSpec spec, String name, Map<String, String> annotations) {
        ObjectMetaBuilder metadata = new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(ManagedLabels.withExtra(spec.name(), spec.labels()));
        if (annotations != null) {
            metadata.withAnnotations(annotations);
        }
        return metadata.build();
    }

    private static List<ServicePort> ports(List<PortSpec> ports) {
        return ports == null ? List.of() : ports.stream()
                .map(port -> new ServicePortBuilder()
                        .withName(port.name())
                        .withPort(port.port())
                        .withTargetPort(ModelCopies.copy(port.targetPort()))
                        .withProtocol(port.protocol())
                        .build())
                .toList();
    }
}
