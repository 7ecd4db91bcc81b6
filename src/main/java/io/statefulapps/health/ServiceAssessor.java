package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.statefulapps.kubernetes.LabelSelectors;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Both Services, headless first, those that exist. The headless Service's verdict also carries
     * the DNS pairing problems found on it.
     *
     * @param dnsFindings what {@link DnsAssessor} found
     */
    static PartAssessment<List<ServiceReport>> assessBoth(AssessmentContext context, List<Finding> dnsFindings) {
        ClusterSnapshot snapshot = context.snapshot();
        List<ServiceReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Service headless = snapshot.headlessService();
        if (headless != null) {
            PartAssessment<ServiceReport> assessed = assess(HEADLESS, headless, context);
            reports.add(assessed.part().withStatus(Finding.worstOn(dnsFindings, "Service/" + MetadataReads.name(headless))));
            findings.addAll(assessed.findings());
        }
        if (snapshot.clientService() != null) {
            PartAssessment<ServiceReport> assessed = assess(CLIENT, snapshot.clientService(), context);
            reports.add(assessed.part());
            findings.addAll(assessed.findings());
        }
        return new PartAssessment<>(reports, findings);
    }

    private static PartAssessment<ServiceReport> assess(String role, Service service, AssessmentContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        String name = MetadataReads.name(service);
        String object = "Service/" + name;
        Kubectl kubectl = context.kubectl();
        var spec = service.getSpec();
        Map<String, String> selector = spec == null ? null : spec.getSelector();
        int matches = 0;
        Instant newestReady = null;
        for (Pod pod : snapshot.pods()) {
            if (selects(selector, pod)) {
                matches++;
                if (PodReads.isReady(pod)) {
                    Instant since = PodReads.conditionChanged(pod, "Ready");
                    newestReady = Timestamps.newest(newestReady, since == null ? Instant.MIN : since);
                }
            }
        }
        int readyEndpoints = (int) EndpointSliceReads.endpointsOf(name, snapshot.endpointSlices()).stream()
                .filter(EndpointSliceReads::isReady).count();
        List<Finding> findings = new ArrayList<>();
        if (!snapshot.pods().isEmpty() && matches == 0) {
            findings.add(Finding.of(Reason.ServiceSelectorMismatch, object,
                    "selector " + selector + " matches none of the app's " + snapshot.pods().size() + " pods",
                    "compare the selector with the pod labels: " + kubectl.get("pods --show-labels") + "; "
                            + kubectl.describe("service", name)));
        } else if (newestReady != null && readyEndpoints == 0) {
            findings.add(noReadyEndpoints(object, name, newestReady, context));
        }
        TargetPortAssessor.assess(service, snapshot.pods(), kubectl).ifPresent(findings::add);
        loadBalancer(service, object, context).ifPresent(findings::add);
        HealthStatus status = Finding.worst(findings, HealthStatus.Healthy);
        List<String> ingress = ingress(service);
        ServiceReport report = new ServiceReport(role, name, status, type(service), spec == null ? null : spec.getClusterIP(),
                ports(service), matches, readyEndpoints, ingress.isEmpty() ? null : ingress);
        return new PartAssessment<>(report, findings);
    }

    /**
     * A Service without a selector selects nothing (its endpoints are managed by hand), although an
     * empty label selector elsewhere matches everything.
     */
    private static boolean selects(Map<String, String> selector, Pod pod) {
        return selector != null && !selector.isEmpty() && LabelSelectors.matches(selector, MetadataReads.labels(pod));
    }

    private static Finding noReadyEndpoints(String object, String name, Instant newestReady,
            AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        String message = "pods are ready but the Service has no ready endpoints";
        String hint = "check targetPort against the container ports and the EndpointSlices: "
                + kubectl.get("endpointslices -l " + WellKnownLabels.SERVICE_NAME + "=" + name);
        // the EndpointSlice controller needs a moment after a pod turns ready
        boolean endpointControllerLag = !context.passed(newestReady.plus(context.settings().creationGrace()));
        return endpointControllerLag
                ? Finding.withSeverityAndVerdict(Severity.Info, HealthStatus.Progressing, Reason.NoReadyEndpoints, object,
                        message, hint)
                : Finding.of(Reason.NoReadyEndpoints, object, message, hint);
    }

    /** A LoadBalancer without an address: Progressing until the deadline, then Degraded. */
    private static Optional<Finding> loadBalancer(Service service, String object, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        if (!"LoadBalancer".equals(type(service)) || !ingress(service).isEmpty()) {
            return Optional.empty();
        }
        Instant created = MetadataReads.created(service);
        String hint = "a load-balancer controller (cloud-controller-manager, MetalLB, ...) may be missing or failing: "
                + kubectl.describe("service", MetadataReads.name(service));
        Instant deadline = created == null ? null : created.plus(context.settings().loadBalancerDeadline());
        if (deadline != null && context.passed(deadline)) {
            return Optional.of(Finding.of(Reason.LoadBalancerPending, object, "no load-balancer address since " + created,
                    hint).since(deadline));
        }
        return Optional.of(Finding.of(Reason.LoadBalancerProvisioning, object, "waiting for the load balancer's address",
                hint).since(created));
    }

    private static String type(Service service) {
        return service.getSpec() == null || service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType();
    }

    /** The load balancer's addresses: each ingress' IP, or its hostname when it has none. */
    private static List<String> ingress(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return service.getStatus().getLoadBalancer().getIngress().stream()
                .map(ingress -> ingress.getIp() != null ? ingress.getIp() : ingress.getHostname())
                .filter(Objects::nonNull).toList();
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
