package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ClusterSnapshot} → {@link HealthReport}: composes the small assessors, one per kind of
 * object. Pure: no I/O, no clock (time is {@code snapshot.now()}), inputs only read.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    public static HealthReport assess(ClusterSnapshot snapshot, HealthSettings settings) {
        if (!snapshot.cacheSynced()) {
            return notSynced(snapshot);
        }
        StatefulSet sts = snapshot.statefulSet();
        String stsName = sts != null ? MetadataReads.name(sts) : snapshot.names().statefulSet();
        AppPods pods = AppPods.of(stsName, snapshot.pods());
        List<Finding> findings = new ArrayList<>(TrioPresence.assess(snapshot, settings, new Kubectl(snapshot.namespace())));

        PartAssessment<StatefulSetReport> stsPart = sts == null ? null
                : StatefulSetAssessor.assess(sts, pods, snapshot, settings);
        PartAssessment<List<PodReport>> podParts = PodAssessor.assessAll(pods, snapshot, settings);
        PartAssessment<List<VolumeReport>> volumes = VolumeAssessor.assessAll(sts, pods, snapshot, settings);
        PartAssessment<List<DnsRecordReport>> dns = DnsAssessor.assess(snapshot.headlessService(), sts, pods,
                verdictsByPod(podParts.part()), snapshot, settings);
        PartAssessment<List<ServiceReport>> services = ServiceAssessor.assessBoth(snapshot, settings, dns.findings());
        StatefulSetReport stsReport = null;
        if (stsPart != null) {
            findings.addAll(stsPart.findings());
            stsReport = stsPart.part().withStatus(Finding.worstOn(dns.findings(), "StatefulSet/" + stsName));
        }
        findings.addAll(podParts.findings());
        findings.addAll(volumes.findings());
        findings.addAll(dns.findings());
        findings.addAll(services.findings());

        HealthStatus overall = Finding.worst(findings, stsReport == null ? HealthStatus.Healthy : stsReport.status());
        List<Problem> problems = problems(findings);
        List<EventReport> events = EventSelector.select(snapshot.events(),
                objects(snapshot, stsName, pods, volumes.part()), settings.maxEvents());
        String summary = Summary.of(overall, stsReport, podParts.part(), problems);
        return new HealthReport(snapshot.app(), snapshot.namespace(), overall, summary, snapshot.now(), stsReport,
                podParts.part(), volumes.part(), dns.part(), services.part(), problems, events);
    }

    /** Half-filled caches would report objects as Missing that are merely not listed yet. */
    private static HealthReport notSynced(ClusterSnapshot snapshot) {
        Problem problem = Finding.of(Reason.CacheNotSynced, "App/" + snapshot.app(),
                "the service's watch caches are still filling; no verdict yet",
                "retry in a few seconds; if this lasts, check the service's readiness: /q/health/ready").problem();
        return new HealthReport(snapshot.app(), snapshot.namespace(), HealthStatus.Unknown,
                "Unknown: the service's caches are not synced yet", snapshot.now(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(problem), List.of());
    }

    private static Map<String, HealthStatus> verdictsByPod(List<PodReport> pods) {
        Map<String, HealthStatus> verdicts = new HashMap<>();
        for (PodReport pod : pods) {
            verdicts.put(pod.name(), pod.status());
        }
        return verdicts;
    }

    /** Errors first, then warnings, then information; otherwise in the order found (trio, StatefulSet, pods by ordinal…). */
    private static List<Problem> problems(List<Finding> findings) {
        List<Problem> problems = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            problems.add(f.problem());
        }
        problems.sort(Comparator.comparing(Problem::severity));
        return problems;
    }

    private static Set<String> objects(ClusterSnapshot snapshot, String stsName, AppPods pods,
            List<VolumeReport> volumes) {
        Set<String> objects = new HashSet<>();
        objects.add("StatefulSet/" + stsName);
        objects.add("Service/" + nameOr(snapshot.headlessService(), snapshot.names().headlessService()));
        objects.add("Service/" + nameOr(snapshot.clientService(), snapshot.names().clientService()));
        for (Pod pod : pods.sorted()) {
            objects.add("Pod/" + MetadataReads.name(pod));
        }
        for (PersistentVolumeClaim claim : snapshot.claims()) {
            objects.add("PersistentVolumeClaim/" + MetadataReads.name(claim));
        }
        for (VolumeReport volume : volumes) {
            if (volume.claim() != null) {
                objects.add("PersistentVolumeClaim/" + volume.claim().name());
            }
        }
        return objects;
    }

    private static String nameOr(HasMetadata object, String fallback) {
        return object == null ? fallback : MetadataReads.name(object);
    }
}
