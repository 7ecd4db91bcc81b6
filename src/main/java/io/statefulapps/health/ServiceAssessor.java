package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the two Services: does its selector find the pods, do its EndpointSlices list ready
 * endpoints, and (LoadBalancer) has it got an address. A LoadBalancer without an address is
 * Progressing only until {@code loadBalancerDeadline}: with no controller it never gets one.
 */
final class ServiceAssessor {

    static final String HEADLESS = "headless";
    static final String CLIENT = "client";

    private ServiceAssessor() {
    }

    static Assessed<ServiceReport> assess(String role, Service service, ClusterSnapshot snapshot,
            HealthSettings settings) {
        String name = Kube.name(service);
        String object = "Service/" + name;
        Kubectl kubectl = new Kubectl(snapshot.namespace());
        var spec = service.getSpec();
        Map<String, String> selector = spec == null ? null : spec.getSelector();
        int matches = 0;
        Instant newestReady = null;
        for (Pod pod : snapshot.pods()) {
            if (selects(selector, Kube.labels(pod))) {
                matches++;
                if (Kube.isReady(pod)) {
                    PodCondition ready = Kube.condition(pod, "Ready");
                    Instant since = ready == null ? null : Kube.time(ready.getLastTransitionTime());
                    newestReady = Kube.newest(newestReady, since == null ? Instant.MIN : since);
                }
            }
        }
        int readyEndpoints = 0;
        for (Endpoint endpoint : Slices.endpointsOf(name, snapshot.endpointSlices())) {
            if (Slices.isReady(endpoint)) {
                readyEndpoints++;
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (!snapshot.pods().isEmpty() && matches == 0) {
            findings.add(Finding.of(Reason.ServiceSelectorMismatch, object,
                    "selector " + selector + " matches none of the app's " + snapshot.pods().size() + " pods",
                    "compare the selector with the pod labels: " + kubectl.get("pods --show-labels") + "; "
                            + kubectl.describe("service", name)));
        } else if (newestReady != null && readyEndpoints == 0) {
            String message = "pods are ready but the Service has no ready endpoints";
            String hint = "check targetPort against the container ports and the EndpointSlices: "
                    + kubectl.get("endpointslices -l " + Slices.SERVICE_NAME_LABEL + "=" + name);
            boolean endpointControllerLag = !snapshot.now().isAfter(newestReady.plus(settings.creationGrace()));
            findings.add(endpointControllerLag
                    ? Finding.softened(Severity.Info, HealthStatus.Progressing, Reason.NoReadyEndpoints, object, message, hint)
                    : Finding.of(Reason.NoReadyEndpoints, object, message, hint));
        }
        List<String> ingress = ingress(service);
        String type = spec == null || spec.getType() == null ? "ClusterIP" : spec.getType();
        if ("LoadBalancer".equals(type) && ingress.isEmpty()) {
            Instant created = Kube.created(service);
            String hint = "a load-balancer controller (cloud-controller-manager, MetalLB, ...) may be missing or failing: "
                    + kubectl.describe("service", name);
            if (created != null && snapshot.now().isAfter(created.plus(settings.loadBalancerDeadline()))) {
                findings.add(Finding.of(Reason.LoadBalancerPending, object,
                        "no load-balancer address since " + created, hint));
            } else {
                findings.add(Finding.of(Reason.LoadBalancerProvisioning, object,
                        "waiting for the load balancer's address", hint));
            }
        }
        HealthStatus status = Finding.worst(findings, HealthStatus.Healthy);
        ServiceReport report = new ServiceReport(role, name, status, type, spec == null ? null : spec.getClusterIP(),
                ports(service), matches, readyEndpoints, ingress.isEmpty() ? null : ingress);
        return new Assessed<>(report, findings);
    }

    /** A Service without a selector selects nothing (its endpoints are managed by hand). */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ingress(Service service) {
        List<String> addresses = new ArrayList<>();
        if (service.getStatus() != null && service.getStatus().getLoadBalancer() != null
                && service.getStatus().getLoadBalancer().getIngress() != null) {
            for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
                if (ingress.getIp() != null) {
                    addresses.add(ingress.getIp());
                } else if (ingress.getHostname() != null) {
                    addresses.add(ingress.getHostname());
                }
            }
        }
        return addresses;
    }

    private static List<PortReport> ports(Service service) {
        List<PortReport> ports = new ArrayList<>();
        if (service.getSpec() != null && service.getSpec().getPorts() != null) {
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? null
                        : port.getTargetPort().getIntVal() != null ? String.valueOf(port.getTargetPort().getIntVal())
                        : port.getTargetPort().getStrVal();
                ports.add(new PortReport(port.getName(), port.getPort(), port.getProtocol(), target, port.getNodePort()));
            }
        }
        return ports;
    }
}
