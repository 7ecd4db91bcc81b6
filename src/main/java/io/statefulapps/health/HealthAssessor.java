package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link ClusterSnapshot} → {@link HealthReport}: composes the small assessors, one per kind of
 * object. Pure: no I/O, no clock (time is {@code snapshot.now()}), inputs only read.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    public static HealthReport assess(ClusterSnapshot snapshot, HealthSettings settings) {
        Kubectl kubectl = new Kubectl(snapshot.namespace());
        if (!snapshot.cacheSynced()) {
            // Half-filled caches would report objects as Missing that are merely not listed yet.
            Problem problem = Finding.of(Reason.CacheNotSynced, "App/" + snapshot.app(),
                    "the service's watch caches are still filling; no verdict yet",
                    "retry in a few seconds; if this lasts, check the service's readiness: /q/health/ready").problem();
            return new HealthReport(snapshot.app(), snapshot.namespace(), HealthStatus.Unknown,
                    "Unknown: the service's caches are not synced yet", snapshot.now(), null, List.of(), List.of(),
                    List.of(), List.of(), List.of(problem), List.of());
        }
        List<Finding> findings = new ArrayList<>(TrioPresence.assess(snapshot, settings, kubectl));
        StatefulSet sts = snapshot.statefulSet();
        String stsName = sts != null ? Kube.name(sts) : snapshot.names().statefulSet();

        StatefulSetReport stsReport = null;
        if (sts != null) {
            Assessed<StatefulSetReport> assessed = StatefulSetAssessor.assess(sts, snapshot, settings);
            stsReport = assessed.part();
            findings.addAll(assessed.findings());
        }

        List<Pod> pods = new ArrayList<>(snapshot.pods());
        pods.sort(Comparator.comparing((Pod p) -> Kube.ordinal(p, stsName), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Kube::name));
        List<PodReport> podReports = new ArrayList<>();
        Map<String, HealthStatus> podStatus = new HashMap<>();
        for (Pod pod : pods) {
            Assessed<PodReport> assessed = PodAssessor.assess(pod, stsName, snapshot, settings);
            podReports.add(assessed.part());
            podStatus.put(assessed.part().name(), assessed.part().status());
            findings.addAll(assessed.findings());
        }

        List<VolumeReport> volumes = volumes(sts, stsName, pods, snapshot, settings, findings);

        List<DnsRecordReport> dns = new ArrayList<>();
        Service headless = snapshot.headlessService();
        ServiceReport headlessReport = null;
        if (headless != null) {
            List<Finding> pairing = DnsAssessor.pairing(headless, sts, kubectl);
            findings.addAll(pairing);
            HostnameIndex endpoints = HostnameIndex.of(Slices.endpointsOf(Kube.name(headless), snapshot.endpointSlices()));
            List<String> unpublished = new ArrayList<>();
            for (Pod pod : pods) {
                Assessed<DnsRecordReport> assessed = DnsAssessor.assess(pod, headless, endpoints, snapshot, settings,
                        unpublished);
                dns.add(assessed.part());
                findings.addAll(assessed.findings());
            }
            // Only pods that are merely starting: a crash-looping pod's missing record is not news.
            unpublished.removeIf(name -> podStatus.get(name) != HealthStatus.Progressing);
            if (!unpublished.isEmpty()) {
                findings.add(DnsAssessor.notReadyUnpublished(headless, unpublished, kubectl));
            }
            Assessed<ServiceReport> assessed = ServiceAssessor.assess(ServiceAssessor.HEADLESS, headless, snapshot, settings);
            findings.addAll(assessed.findings());
            headlessReport = assessed.part().withStatus(verdictOn(pairing, "Service/" + Kube.name(headless)));
            if (stsReport != null) {
                stsReport = stsReport.withStatus(verdictOn(pairing, "StatefulSet/" + stsName));
            }
        }
        List<ServiceReport> services = new ArrayList<>();
        if (headlessReport != null) {
            services.add(headlessReport);
        }
        if (snapshot.clientService() != null) {
            Assessed<ServiceReport> assessed = ServiceAssessor.assess(ServiceAssessor.CLIENT, snapshot.clientService(),
                    snapshot, settings);
            services.add(assessed.part());
            findings.addAll(assessed.findings());
        }

        HealthStatus overall = Finding.worst(findings, stsReport == null ? HealthStatus.Healthy : stsReport.status());
        List<Problem> problems = problems(findings);
        List<EventReport> events = EventSelector.select(snapshot.events(), objects(snapshot, stsName, pods, volumes),
                settings.maxEvents());
        String summary = Summary.of(overall, stsReport, podReports, problems);
        return new HealthReport(snapshot.app(), snapshot.namespace(), overall, summary, snapshot.now(), stsReport,
                podReports, volumes, dns, services, problems, events);
    }

    private static List<VolumeReport> volumes(StatefulSet sts, String stsName, List<Pod> pods, ClusterSnapshot snapshot,
            HealthSettings settings, List<Finding> findings) {
        List<VolumeReport> volumes = new ArrayList<>();
        if (sts == null || sts.getSpec() == null || sts.getSpec().getVolumeClaimTemplates() == null) {
            return volumes;
        }
        Map<Integer, Pod> byOrdinal = new TreeMap<>();
        for (Pod pod : pods) {
            Integer ordinal = Kube.ordinal(pod, stsName);
            if (ordinal != null) {
                byOrdinal.put(ordinal, pod);
            }
        }
        Set<Integer> ordinals = new TreeSet<>(byOrdinal.keySet());
        int first = Kube.firstOrdinal(sts);
        for (int i = first; i < first + Kube.replicas(sts); i++) {
            ordinals.add(i);
        }
        Map<String, PersistentVolumeClaim> claims = new HashMap<>();
        for (PersistentVolumeClaim claim : snapshot.claims()) {
            claims.put(Kube.name(claim), claim);
        }
        for (int ordinal : ordinals) {
            Pod pod = byOrdinal.get(ordinal);
            String podName = pod != null ? Kube.name(pod) : stsName + "-" + ordinal;
            for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
                String templateName = Kube.name(template);
                String claimName = templateName + "-" + stsName + "-" + ordinal;
                PersistentVolumeClaim claim = claims.get(claimName);
                if (pod == null && claim == null) {
                    continue; // not created yet: the rollout says so
                }
                Assessed<VolumeReport> assessed = VolumeAssessor.assess(podName, pod, templateName, claimName, claim,
                        snapshot, settings);
                volumes.add(assessed.part());
                findings.addAll(assessed.findings());
            }
        }
        return volumes;
    }

    private static HealthStatus verdictOn(List<Finding> findings, String object) {
        HealthStatus worst = HealthStatus.Healthy;
        for (Finding f : findings) {
            if (object.equals(f.problem().object())) {
                worst = worst.worse(f.verdict());
            }
        }
        return worst;
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

    private static Set<String> objects(ClusterSnapshot snapshot, String stsName, List<Pod> pods,
            List<VolumeReport> volumes) {
        Set<String> objects = new HashSet<>();
        objects.add("StatefulSet/" + stsName);
        objects.add("Service/" + nameOr(snapshot.headlessService(), snapshot.names().headlessService()));
        objects.add("Service/" + nameOr(snapshot.clientService(), snapshot.names().clientService()));
        for (Pod pod : pods) {
            objects.add("Pod/" + Kube.name(pod));
        }
        for (PersistentVolumeClaim claim : snapshot.claims()) {
            objects.add("PersistentVolumeClaim/" + Kube.name(claim));
        }
        for (VolumeReport volume : volumes) {
            if (volume.claim() != null) {
                objects.add("PersistentVolumeClaim/" + volume.claim().name());
            }
        }
        return objects;
    }

    private static String nameOr(HasMetadata object, String fallback) {
        return object == null ? fallback : Kube.name(object);
    }
}
