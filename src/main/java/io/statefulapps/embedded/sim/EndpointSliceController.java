package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the EndpointSlice controller: one IPv4 slice {@code <svc>-<suffix>} per Service with a
 * selector, one endpoint per selected pod that has an IP. {@code hostname} is set when the pod's
 * subdomain names the Service (how headless DNS records come to be); not-ready pods are listed
 * with ready=false unless {@code publishNotReadyAddresses}.
 */
final class EndpointSliceController implements Controller {

    static final String CONTROLLER = "endpointslice-controller.k8s.io";
    static final int MAX_ENDPOINTS = 100;

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;

    EndpointSliceController(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
    }

    @Override
    public void reconcile() {
        for (Service svc : informers.services.getStore().list()) {
            Map<String, String> selector = svc.getSpec().getSelector();
            if (selector != null && !selector.isEmpty() && !ObjectLifecycle.isTerminating(svc)) {
                sync(svc, selector);
            }
        }
        for (EndpointSlice slice : informers.endpointSlices.getStore().list()) {
            String svcName = slice.getMetadata().getLabels().get(WellKnownLabels.SERVICE_NAME);
            if (CONTROLLER.equals(slice.getMetadata().getLabels().get(WellKnownLabels.ENDPOINT_SLICE_MANAGED_BY)) && svcName != null
                    && ClusterInformers.get(informers.services, slice.getMetadata().getNamespace(), svcName).isEmpty()) {
                writer.attempt(() -> client.resource(slice).delete());
            }
        }
    }

    private void sync(Service svc, Map<String, String> selector) {
        String namespace = svc.getMetadata().getNamespace();
        List<Pod> pods = informers.podsMatching(namespace, selector).stream()
                .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                .filter(p -> !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase()))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
        boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Pod pod : pods) {
            boolean terminating = ObjectLifecycle.isTerminating(pod);
            boolean ready = publishNotReady || PodConditions.isTrue(pod, "Ready") && !terminating;
            boolean serving = publishNotReady || PodConditions.isTrue(pod, "Ready");
            boolean named = pod.getSpec().getHostname() != null && svc.getMetadata().getName().equals(pod.getSpec().getSubdomain());
            endpoints.add(new EndpointBuilder().withAddresses(pod.getStatus().getPodIP())
                    .withNewConditions().withReady(ready).withServing(serving).withTerminating(terminating).endConditions()
                    .withHostname(named ? pod.getSpec().getHostname() : null).withNodeName(pod.getSpec().getNodeName())
                    .withNewTargetRef().withKind("Pod").withNamespace(namespace).withName(pod.getMetadata().getName())
                    .withUid(pod.getMetadata().getUid()).endTargetRef().build());
        }
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort sp : svc.getSpec().getPorts()) {
            ports.add(new EndpointPortBuilder().withName(sp.getName() == null ? "" : sp.getName())
                    .withPort(targetPort(sp, pods)).withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol())
                    .withAppProtocol(sp.getAppProtocol()).build());
        }
        Map<String, String> labels = new LinkedHashMap<>(svc.getMetadata().getLabels());
        labels.put(WellKnownLabels.SERVICE_NAME, svc.getMetadata().getName());
        labels.put(WellKnownLabels.ENDPOINT_SLICE_MANAGED_BY, CONTROLLER);
        if ("None".equals(svc.getSpec().getClusterIP())) {
            labels.put(WellKnownLabels.HEADLESS, "");
        }
        // the real controller caps a slice at 100 endpoints (--max-endpoints-per-slice)
        Set<String> wanted = new HashSet<>();
        int chunks = Math.max(1, (endpoints.size() + MAX_ENDPOINTS - 1) / MAX_ENDPOINTS);
        for (int i = 0; i < chunks; i++) {
            String name = svc.getMetadata().getName() + "-" + suffix(svc.getMetadata().getUid() + (i == 0 ? "" : "/" + i));
            wanted.add(name);
            List<Endpoint> part = endpoints.subList(i * MAX_ENDPOINTS, Math.min(endpoints.size(), (i + 1) * MAX_ENDPOINTS));
            write(svc, name, labels, new ArrayList<>(part), ports);
        }
        for (EndpointSlice slice : informers.slicesControlledBy(svc)) {
            if (!wanted.contains(slice.getMetadata().getName())) {
                writer.attempt(() -> client.resource(slice).delete());
            }
        }
    }

    private void write(Service svc, String name, Map<String, String> labels, List<Endpoint> endpoints,
            List<EndpointPort> ports) {
        String namespace = svc.getMetadata().getNamespace();
        EndpointSlice existing = ClusterInformers.get(informers.endpointSlices, namespace, name).orElse(null);
        if (existing != null && Objects.equals(existing.getEndpoints(), endpoints)
                && Objects.equals(existing.getPorts(), ports) && Objects.equals(existing.getMetadata().getLabels(), labels)) {
            return;
        }
        EndpointSliceBuilder slice = existing == null ? new EndpointSliceBuilder() : new EndpointSliceBuilder(existing);
        EndpointSlice desired = slice.editOrNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withOwnerReferences(ControllerReferences.of(svc)).endMetadata()
                .withAddressType("IPv4").withEndpoints(endpoints).withPorts(ports).build();
        writer.attempt(() -> {
            if (existing == null) {
                client.resource(desired).create();
            } else {
                client.resource(desired).update();
            }
        });
    }

    /** Five characters like generateName's, but stable per Service so we find our slice again. */
    private static String suffix(String uid) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = uid.hashCode() & 0xffffffffL;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(alphabet.charAt((int) (h % alphabet.length())));
            h /= alphabet.length();
        }
        return out.toString();
    }

    /** targetPort resolved against the pod's named container ports, as kube-proxy and DNS see it. */
    private static Integer targetPort(ServicePort sp, List<Pod> pods) {
        IntOrString target = sp.getTargetPort();
        if (target == null) {
            return sp.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        for (Pod pod : pods) {
            for (var c : pod.getSpec().getContainers()) {
                for (ContainerPort cp : c.getPorts()) {
                    if (target.getStrVal().equals(cp.getName())) {
                        return cp.getContainerPort();
                    }
                }
            }
        }
        return sp.getPort();
    }
}
