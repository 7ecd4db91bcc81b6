package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ClusterSnapshot} → {@link HealthReport}: composes the small assessors, one per kind of
 * object. Pure: no I/O, no clock (time is {@code snapshot.now()}), inputs only read.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    /** What the assessors found, gathered for the report. */
    private record Parts(StatefulSetReport statefulSet, PartAssessment<List<PodReport>> pods,
            PartAssessment<List<VolumeReport>> volumes, PartAssessment<List<DnsRecordReport>> dns,
            PartAssessment<List<ServiceReport>> services, List<Finding> findings) {
    }

    /** The report alone, for callers that do not schedule recomputation; see {@link #assessment}. */
    public static HealthReport assess(ClusterSnapshot snapshot, HealthSettings settings) {
        return assessment(snapshot, settings).report();
    }

    /**
     * The report and when time alone may next change it. Every deadline and elapsed-time text is
     * decided through the assessment's {@link DueTimes}, so the earliest one not reached yet is
     * known once the rules have run. A not-synced snapshot has no time rule: it changes only when
     * the caches sync.
     */
    public static HealthAssessment assessment(ClusterSnapshot snapshot, HealthSettings settings) {
        if (!snapshot.cacheSynced()) {
            return new HealthAssessment(notSynced(snapshot), null);
        }
        AssessmentContext context = AssessmentContext.of(snapshot, settings);
        StatefulSet sts = snapshot.statefulSet();
        String stsName = sts != null ? MetadataReads.name(sts) : snapshot.names().statefulSet();
        AppPods pods = AppPods.of(stsName, snapshot.pods());
        Parts parts = assessParts(sts, pods, context);
        List<Finding> findings = parts.findings();
        HealthStatus overall = Finding.worst(findings,
                parts.statefulSet() == null ? HealthStatus.Healthy : parts.statefulSet().status());
        List<HealthProblem> problems = problems(findings);
        List<EventReport> events = EventSelector.select(snapshot.events(),
                involvedObjects(snapshot, pods, parts.volumes().part()), settings.maxEvents());
        List<HealthProblem> causes = CauseOrder.causes(findings, overall);
        String summary = Summary.of(overall, parts.statefulSet(), parts.pods().part(), causes, problems);
        HealthReport report = new HealthReport(snapshot.app(), snapshot.namespace(), overall,
                since(overall, findings, sts, pods), summary, observedAt(snapshot), dataAge(snapshot),
                Fingerprint.of(overall, problems), parts.statefulSet(), parts.pods().part(), parts.volumes().part(),
                parts.dns().part(), parts.services().part(), causes, problems, events);
        return new HealthAssessment(report, context.dueTimes().earliest());
    }

    /** Findings in the order found: trio, StatefulSet, pods by ordinal, volumes, DNS, Services. */
    private static Parts assessParts(StatefulSet sts, AppPods pods, AssessmentContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> findings = new ArrayList<>(TrioPresence.assess(context));
        PartAssessment<StatefulSetReport> stsPart = sts == null ? null : StatefulSetAssessor.assess(sts, pods, context);
        PartAssessment<List<PodReport>> podParts = PodAssessor.assessAll(pods, context);
        PartAssessment<List<VolumeReport>> volumes = VolumeAssessor.assessAll(sts, pods, context);
        PartAssessment<List<DnsRecordReport>> dns = DnsAssessor.assess(snapshot.headlessService(), sts, pods,
                verdictsByPod(podParts.part()), context);
        PartAssessment<List<ServiceReport>> services = ServiceAssessor.assessBoth(context, dns.findings());
        StatefulSetReport stsReport = null;
        if (stsPart != null) {
            findings.addAll(stsPart.findings());
            stsReport = stsPart.part().withStatus(Finding.worstOn(dns.findings(), "StatefulSet/" + pods.statefulSet()));
        }
        ReadinessProbeAssessor.assess(pods, context).ifPresent(findings::add);
        findings.addAll(podParts.findings());
        findings.addAll(volumes.findings());
        RetainedClaimAssessor.assess(sts, pods, context).ifPresent(findings::add);
        findings.addAll(dns.findings());
        findings.addAll(services.findings());
        return new Parts(stsReport, podParts, volumes, dns, services, findings);
    }

    /** Half-filled caches would report objects as Missing that are merely not listed yet. */
    private static HealthReport notSynced(ClusterSnapshot snapshot) {
        HealthProblem problem = Finding.of(Reason.CacheNotSynced, "App/" + snapshot.app(),
                "the service's watch caches are still filling; no verdict yet",
                "retry in a few seconds; if this lasts, check the service's readiness: /q/health/ready").problem();
        List<HealthProblem> problems = List.of(problem);
        return new HealthReport(snapshot.app(), snapshot.namespace(), HealthStatus.Unknown, null,
                "Unknown: the service's caches are not synced yet", snapshot.now(), dataAge(snapshot),
                Fingerprint.of(HealthStatus.Unknown, problems), null, List.of(), List.of(), List.of(), List.of(),
                problems, problems, List.of());
    }

    /**
     * Since when the verdict holds, as far as the objects tell: for a verdict with problems, the
     * earliest start among the problems that imply it (the verdict has held at least since then);
     * Healthy since the last movement of the set (its last pod turned ready); otherwise unknown.
     */
    private static Instant since(HealthStatus verdict, List<Finding> findings, StatefulSet sts, AppPods pods) {
        Instant earliest = null;
        for (Finding f : findings) {
            if (f.verdict() == verdict) {
                earliest = Timestamps.oldest(earliest, f.problem().since());
            }
        }
        if (earliest == null && verdict == HealthStatus.Healthy && sts != null) {
            return StatefulSetAssessor.lastProgress(sts, pods.sorted());
        }
        return earliest;
    }

    /** When the state was observed: now, or as long ago as the data is old while the watches are broken. */
    private static Instant observedAt(ClusterSnapshot snapshot) {
        return snapshot.staleFor() == null ? snapshot.now() : snapshot.now().minus(snapshot.staleFor());
    }

    private static Long dataAge(ClusterSnapshot snapshot) {
        return snapshot.staleFor() == null ? null : snapshot.staleFor().getSeconds();
    }

    private static Map<String, HealthStatus> verdictsByPod(List<PodReport> pods) {
        Map<String, HealthStatus> verdicts = new HashMap<>();
        for (PodReport pod : pods) {
            verdicts.put(pod.name(), pod.status());
        }
        return verdicts;
    }

    /** Errors first, then warnings, then information; otherwise in the order found (trio, StatefulSet, pods by ordinal…). */
    private static List<HealthProblem> problems(List<Finding> findings) {
        List<HealthProblem> problems = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            problems.add(f.problem());
        }
        problems.sort(Comparator.comparing(HealthProblem::severity));
        return problems;
    }

    /** Every object of the app events may be about; absent ones by their expected names. */
    private static List<InvolvedObject> involvedObjects(ClusterSnapshot snapshot, AppPods pods,
            List<VolumeReport> volumes) {
        Map<String, InvolvedObject> objects = new LinkedHashMap<>();
        add(objects, involved("StatefulSet", snapshot.statefulSet(), pods.statefulSet()));
        add(objects, involved("Service", snapshot.headlessService(), snapshot.names().headlessService()));
        add(objects, involved("Service", snapshot.clientService(), snapshot.names().clientService()));
        for (Pod pod : pods.sorted()) {
            add(objects, InvolvedObject.of("Pod", pod));
        }
        for (PersistentVolumeClaim claim : snapshot.claims()) {
            add(objects, InvolvedObject.of("PersistentVolumeClaim", claim));
        }
        for (VolumeReport volume : volumes) {
            if (volume.claim() != null) {
                add(objects, new InvolvedObject("PersistentVolumeClaim", volume.claim().name(), null));
            }
        }
        return List.copyOf(objects.values());
    }

    private static InvolvedObject involved(String kind, HasMetadata object, String expectedName) {
        return object == null ? new InvolvedObject(kind, expectedName, null) : InvolvedObject.of(kind, object);
    }

    private static void add(Map<String, InvolvedObject> objects, InvolvedObject object) {
        objects.putIfAbsent(object.label(), object);
    }
}
