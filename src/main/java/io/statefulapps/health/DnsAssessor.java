package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stable DNS names the headless Service gives the pods. Cluster DNS answers
 * {@code <pod>.<headless>.<ns>.svc.<domain>} from the headless Service's EndpointSlices (endpoints
 * whose {@code hostname} is the pod's), and only for ready endpoints unless the Service sets
 * {@code publishNotReadyAddresses}. No tool people use today checks this.
 */
final class DnsAssessor {

    private DnsAssessor() {
    }

    /** Problems of the pairing itself: a headless Service that is not headless, or that the StatefulSet does not name. */
    static List<Finding> pairing(Service headless, StatefulSet sts, Kubectl kubectl) {
        List<Finding> findings = new ArrayList<>();
        String headlessName = Kube.name(headless);
        String clusterIP = headless.getSpec() == null ? null : headless.getSpec().getClusterIP();
        if (!"None".equals(clusterIP)) {
            findings.add(Finding.of(Reason.HeadlessServiceNotHeadless, "Service/" + headlessName,
                    "clusterIP is " + clusterIP + ", not None: the pods get no per-pod DNS names",
                    "clusterIP cannot be changed in place: delete and recreate the Service with clusterIP: None ("
                            + kubectl.describe("service", headlessName) + ")"));
        }
        String serviceName = sts == null || sts.getSpec() == null ? null : sts.getSpec().getServiceName();
        if (sts != null && !headlessName.equals(serviceName)) {
            findings.add(Finding.of(Reason.ServiceNameMismatch, "StatefulSet/" + Kube.name(sts),
                    "spec.serviceName is " + serviceName + " but the headless Service is " + headlessName
                            + ": pod DNS names resolve under neither",
                    "serviceName cannot be changed in place: recreate the StatefulSet keeping its pods and PVCs (kubectl -n "
                            + kubectl.namespace() + " delete statefulset " + Kube.name(sts) + " --cascade=orphan, then create it)"));
        }
        return findings;
    }

    /** The record of one pod; {@code pendingPublish} collects not-ready pods DNS does not serve yet. */
    static Assessed<DnsRecordReport> assess(Pod pod, Service headless, HostnameIndex endpoints, ClusterSnapshot snapshot,
            HealthSettings settings, List<String> pendingPublish) {
        String podName = Kube.name(pod);
        String headlessName = Kube.name(headless);
        String fqdn = podName + "." + headlessName + "." + snapshot.namespace() + ".svc." + settings.clusterDomain();
        String podIP = Kube.podIP(pod);
        List<String> published = new ArrayList<>();
        boolean endpointReady = false;
        for (Endpoint endpoint : endpoints.published(podName)) {
            published.addAll(Slices.addresses(endpoint));
            endpointReady |= Slices.isReady(endpoint);
        }
        boolean refWithoutHostname = endpoints.podsWithoutHostname().contains(podName);
        boolean publishNotReady = headless.getSpec() != null
                && Boolean.TRUE.equals(headless.getSpec().getPublishNotReadyAddresses());
        boolean served = !published.isEmpty() && (endpointReady || publishNotReady);
        boolean podReady = Kube.isReady(pod);
        boolean headlessOk = headless.getSpec() != null && "None".equals(headless.getSpec().getClusterIP());
        List<Finding> findings = new ArrayList<>();
        HealthStatus status = HealthStatus.Healthy;
        String object = "Pod/" + podName;
        Kubectl kubectl = new Kubectl(snapshot.namespace());
        String sliceHint = kubectl.get("endpointslices -l " + Slices.SERVICE_NAME_LABEL + "=" + headlessName + " -o yaml");

        if (!headlessOk || Kube.isTerminating(pod) || podIP == null) {
            status = podReady ? HealthStatus.Healthy : HealthStatus.Progressing;
        } else if (!published.isEmpty() && (!published.contains(podIP) || published.size() > 1)) {
            // Any address besides the pod's own is served too: clients would reach a stranger.
            findings.add(Finding.of(Reason.DnsRecordMismatch, object,
                    fqdn + " resolves to " + String.join(", ", published) + " but the pod's IP is " + podIP
                            + (published.contains(podIP) ? " alone" : ""),
                    "an EndpointSlice is stale or foreign; check kube-controller-manager and " + sliceHint));
        } else if (podReady && !served) {
            String message = refWithoutHostname
                    ? "the pod's endpoint carries no hostname, so " + fqdn + " does not resolve (pod subdomain "
                            + (pod.getSpec() == null ? null : pod.getSpec().getSubdomain()) + " is not " + headlessName + ")"
                    : "no DNS record for " + fqdn + " although the pod is ready";
            String hint = "compare the pod with the headless Service's endpoints: " + sliceHint;
            findings.add(justBecameReady(pod, snapshot.now(), settings)
                    // the EndpointSlice controller needs a moment after the pod turns ready
                    ? Finding.softened(Severity.Info, HealthStatus.Progressing, Reason.DnsRecordMissing, object, message, hint)
                    : Finding.of(Reason.DnsRecordMissing, object, message, hint));
        } else if (!podReady) {
            status = HealthStatus.Progressing;
            if (!served) {
                pendingPublish.add(podName);
            }
        }
        status = Finding.worst(findings, status);
        return new Assessed<>(new DnsRecordReport(podName, fqdn, podIP, published, served, status), findings);
    }

    /** One note for all not-ready pods without a record, rather than one line per pod. */
    static Finding notReadyUnpublished(Service headless, List<String> pods, Kubectl kubectl) {
        String name = Kube.name(headless);
        return Finding.of(Reason.NotReadyAddressesUnpublished, "Service/" + name,
                "DNS serves no record for " + String.join(", ", pods) + " until ready",
                "if peers must find each other before they are ready (ZooKeeper, etcd, Cassandra), set "
                        + "publishNotReadyAddresses: true on " + name + ": kubectl -n " + kubectl.namespace()
                        + " patch service " + name + " -p '{\"spec\":{\"publishNotReadyAddresses\":true}}'");
    }

    private static boolean justBecameReady(Pod pod, Instant now, HealthSettings settings) {
        PodCondition ready = Kube.condition(pod, "Ready");
        Instant since = ready == null ? null : Kube.time(ready.getLastTransitionTime());
        return since != null && !now.isAfter(since.plus(settings.creationGrace()));
    }
}
