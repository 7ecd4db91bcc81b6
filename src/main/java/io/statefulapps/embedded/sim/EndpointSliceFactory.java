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
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the EndpointSlice controller wants for a Service: one endpoint per selected pod with an
 * IP, {@code hostname} where the pod's subdomain names the Service (how headless DNS records come
 * to be), not-ready pods listed with ready=false unless {@code publishNotReadyAddresses}, named
 * target ports resolved against the pods' container ports, and the slices' names and labels.
 */
final class EndpointSliceFactory {

    static final String CONTROLLER = "endpointslice-controller.k8s.io";
    /** The real controller's --max-endpoints-per-slice default. */
    static final int MAX_ENDPOINTS = 100;

    private EndpointSliceFactory() {
    }

    /** The pods a Service's slices list: selected, with an IP, not finished; by name. */
    static List<Pod> listed(List<Pod> selected) {
        return selected.stream()
                .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                .filter(p -> !ObjectLifecycle.isFinished(p))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    static List<Endpoint> endpoints(Service svc, List<Pod> pods) {
        boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Pod pod : pods) {
            boolean terminating = ObjectLifecycle.isTerminating(pod);
            boolean ready = publishNotReady || PodConditions.isTrue(pod, "Ready") && !terminating;
            boolean serving = publishNotReady || PodConditions.isTrue(pod, "Ready");
            boolean named = pod.getSpec().getHostname() != null
                    && svc.getMetadata().getName().equals(pod.getSpec().getSubdomain());
            endpoints.add(new EndpointBuilder().withAddresses(pod.getStatus().getPodIP())
                    .withNewConditions().withReady(ready).withServing(serving).withTerminating(terminating)
                    .endConditions()
                    .withHostname(named ? pod.getSpec().getHostname() : null).withNodeName(pod.getSpec().getNodeName())
                    .withNewTargetRef().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endTargetRef().build());
        }
        return endpoints;
    }

    static List<EndpointPort> ports(Service svc, List<Pod> pods) {
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort sp : svc.getSpec().getPorts()) {
            ports.add(new EndpointPortBuilder().withName(sp.getName() == null ? "" : sp.getName())
                    .withPort(targetPort(sp, pods)).withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol())
                    .withAppProtocol(sp.getAppProtocol()).build());
        }
        return ports;
    }

    static Map<String, String> labels(Service svc) {
        Map<String, String> labels = new LinkedHashMap<>(svc.getMetadata().getLabels());
        labels.put(WellKnownLabels.SERVICE_NAME, svc.getMetadata().getName());
        labels.put(WellKnownLabels.ENDPOINT_SLICE_MANAGED_BY, CONTROLLER);
        if ("None".equals(svc.getSpec().getClusterIP())) {
            labels.put(WellKnownLabels.HEADLESS, "");
        }
        return labels;
    }

    /** Slice number {@code i} of the Service: {@code <svc>-<five characters>}, stable so it is found again. */
    static String sliceName(Service svc, int i) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = (svc.getMetadata().getUid() + (i == 0 ? "" : "/" + i)).hashCode() & 0xffffffffL;
        StringBuilder out = new StringBuilder(svc.getMetadata().getName()).append('-');
        for (int k = 0; k < 5; k++) {
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
