package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stable DNS names the headless Service gives the pods. Cluster DNS answers
 * {@code <pod>.<headless>.<ns>.svc.<domain>} from the headless Service's EndpointSlices (endpoints
 * whose {@code hostname} is the pod's), and only for ready endpoints unless the Service sets
 * {@code publishNotReadyAddresses}. No tool people use today checks this.
 */
final class DnsAssessor {

    private DnsAssessor() {
    }

    /** One pod's record, and whether it is one of the not-ready pods DNS does not serve yet. */
    private record PodRecord(DnsRecordReport report, List<Finding> findings, boolean awaitsReadiness) {
    }

    /**
     * The pairing of the headless Service with the StatefulSet, and every pod's record; nothing when
     * the headless Service is absent (its absence is reported by {@code TrioPresence}).
     *
     * @param podVerdicts each pod's own verdict, by pod name
     */
    static PartAssessment<List<DnsRecordReport>> assess(Service headless, StatefulSet sts, AppPods pods,
            Map<String, HealthStatus> podVerdicts, AssessmentContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<DnsRecordReport> records = new ArrayList<>();
        if (headless == null) {
            return new PartAssessment<>(records, List.of());
        }
        Kubectl kubectl = context.kubectl();
        List<Finding> findings = new ArrayList<>(pairing(headless, sts, kubectl));
        HostnameIndex endpoints = HostnameIndex.of(
                EndpointSliceReads.endpointsOf(MetadataReads.name(headless), snapshot.endpointSlices()));
        List<String> unpublished = new ArrayList<>();
        for (Pod pod : pods.sorted()) {
            PodRecord record = record(pod, headless, endpoints, context);
            records.add(record.report());
            findings.addAll(record.findings());
            // Only pods that are merely starting: a crash-looping pod's missing record is not news.
            if (record.awaitsReadiness() && podVerdicts.get(record.report().pod()) == HealthStatus.Progressing) {
                unpublished.add(record.report().pod());
            }
        }
        if (!unpublished.isEmpty()) {
            findings.add(notReadyUnpublished(headless, unpublished, kubectl));
        }
        return new PartAssessment<>(records, findings);
    }

    /** Problems of the pairing itself: a headless Service that is not headless, or that the StatefulSet does not name. */
    private static List<Finding> pairing(Service headless, StatefulSet sts, Kubectl kubectl) {
        List<Finding> findings = new ArrayList<>();
        String headlessName = MetadataReads.name(headless);
        String clusterIP = headless.getSpec() == null ? null : headless.getSpec().getClusterIP();
        if (!"None".equals(clusterIP)) {
            findings.add(Finding.of(Reason.HeadlessServiceNotHeadless, "Service/" + headlessName,
                    "clusterIP is " + clusterIP + ", not None: the pods get no per-pod DNS names",
                    "clusterIP cannot be changed in place: delete and recreate the Service with clusterIP: None ("
                            + kubectl.describe("service", headlessName) + ")"));
        }
        String serviceName = sts == null || sts.getSpec() == null ? null : sts.getSpec().getServiceName();
        if (sts != null && !headlessName.equals(serviceName)) {
            findings.add(Finding.of(Reason.ServiceNameMismatch, "StatefulSet/" + MetadataReads.name(sts),
                    "spec.serviceName is " + serviceName + " but the headless Service is " + headlessName
                            + ": pod DNS names resolve under neither",
                    "serviceName cannot be changed in place: recreate the StatefulSet keeping its pods and PVCs (kubectl -n "
                            + kubectl.namespace() + " delete statefulset " + MetadataReads.name(sts)
                            + " --cascade=orphan, then create it)"));
        }
        return findings;
    }

    private static PodRecord record(Pod pod, Service headless, HostnameIndex endpoints, AssessmentContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        HealthSettings settings = context.settings();
        String podName = MetadataReads.name(pod);
        String headlessName = MetadataReads.name(headless);
        String fqdn = podName + "." + headlessName + "." + snapshot.namespace() + ".svc." + settings.clusterDomain();
        String podIP = PodReads.podIP(pod);
        List<String> published = new ArrayList<>();
        boolean endpointReady = false;
        for (Endpoint endpoint : endpoints.published(podName)) {
            published.addAll(EndpointSliceReads.addresses(endpoint));
            endpointReady |= EndpointSliceReads.isReady(endpoint);
        }
        boolean publishNotReady = headless.getSpec() != null
                && Boolean.TRUE.equals(headless.getSpec().getPublishNotReadyAddresses());
        boolean served = !published.isEmpty() && (endpointReady || publishNotReady);
        boolean podReady = PodReads.isReady(pod);
        boolean headlessOk = headless.getSpec() != null && "None".equals(headless.getSpec().getClusterIP());
        List<Finding> findings = new ArrayList<>();
        HealthStatus status = HealthStatus.Healthy;
        boolean awaitsReadiness = false;
        if (!headlessOk || MetadataReads.isTerminating(pod) || podIP == null) {
            status = podReady ? HealthStatus.Healthy : HealthStatus.Progressing;
        } else if (!published.isEmpty() && (!published.contains(podIP) || published.size() > 1)) {
            findings.add(mismatch(podName, fqdn, podIP, published, headlessName, snapshot.namespace()));
        } else if (podReady && !served) {
            findings.add(missing(pod, fqdn, headlessName, endpoints.podsWithoutHostname().contains(podName), context));
        } else if (!podReady) {
            status = HealthStatus.Progressing;
            awaitsReadiness = !served;
        }
        status = Finding.worst(findings, status);
        return new PodRecord(new DnsRecordReport(podName, fqdn, podIP, published, served, status), findings,
                awaitsReadiness);
    }

    /** Any address besides the pod's own is served too: clients would reach a stranger. */
    private static Finding mismatch(String podName, String fqdn, String podIP, List<String> published,
            String headlessName, String namespace) {
        return Finding.of(Reason.DnsRecordMismatch, "Pod/" + podName,
                fqdn + " resolves to " + String.join(", ", published) + " but the pod's IP is " + podIP
                        + (published.contains(podIP) ? " alone" : ""),
                "an EndpointSlice is stale or foreign; check kube-controller-manager and " + sliceHint(headlessName, namespace));
    }

    private static Finding missing(Pod pod, String fqdn, String headlessName, boolean withoutHostname,
            AssessmentContext context) {
        String object = "Pod/" + MetadataReads.name(pod);
        String message = withoutHostname
                ? "the pod's endpoint carries no hostname, so " + fqdn + " does not resolve (pod subdomain "
                        + (pod.getSpec() == null ? null : pod.getSpec().getSubdomain()) + " is not " + headlessName + ")"
                : "no DNS record for " + fqdn + " although the pod is ready";
        String hint = "compare the pod with the headless Service's endpoints: " + sliceHint(headlessName, context.namespace());
        Instant readySince = PodReads.conditionChanged(pod, "Ready");
        boolean justBecameReady = readySince != null && !context.passed(readySince.plus(context.settings().creationGrace()));
        // the EndpointSlice controller needs a moment after the pod turns ready
        Finding finding = justBecameReady
                ? Finding.withSeverityAndVerdict(Severity.Info, HealthStatus.Progressing, Reason.DnsRecordMissing, object,
                        message, hint)
                : Finding.of(Reason.DnsRecordMissing, object, message, hint);
        return finding.since(readySince);
    }

    private static String sliceHint(String headlessName, String namespace) {
        return new Kubectl(namespace).get("endpointslices -l " + WellKnownLabels.SERVICE_NAME + "=" + headlessName + " -o yaml");
    }

    /** One note for all not-ready pods without a record, rather than one line per pod. */
    private static Finding notReadyUnpublished(Service headless, List<String> pods, Kubectl kubectl) {
        String name = MetadataReads.name(headless);
        return Finding.of(Reason.NotReadyAddressesUnpublished, "Service/" + name,
                "DNS serves no record for " + String.join(", ", pods) + " until ready",
                "if peers must find each other before they are ready (ZooKeeper, etcd, Cassandra), set "
                        + "publishNotReadyAddresses: true on " + name + ": kubectl -n " + kubectl.namespace()
                        + " patch service " + name + " -p '{\"spec\":{\"publishNotReadyAddresses\":true}}'");
    }
}
