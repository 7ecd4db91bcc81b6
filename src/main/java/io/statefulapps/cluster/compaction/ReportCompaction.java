package io.statefulapps.cluster.compaction;

import io.statefulapps.health.ClaimReport;
import io.statefulapps.health.ContainerReport;
import io.statefulapps.health.DnsRecordReport;
import io.statefulapps.health.EventReport;
import io.statefulapps.health.HealthProblem;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.PersistentVolumeReport;
import io.statefulapps.health.PodReport;
import io.statefulapps.health.PortReport;
import io.statefulapps.health.ServiceReport;
import io.statefulapps.health.StatefulSetReport;
import io.statefulapps.health.VolumeReport;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A health report as the report store keeps it, next to its JSON: the same report (equal, and
 * written the same), with immutable lists of their exact size instead of the assessors' growable
 * ones, and the texts reports repeat across apps (summaries, phases, states, messages without
 * names) shared. Causes stay the very problems they are among.
 */
public final class ReportCompaction {

    private static final int SLOTS_POWER_OF_TWO = 16;

    private final BoundedInterner<String> strings = new BoundedInterner<>(SLOTS_POWER_OF_TWO, String::equals);

    public HealthReport compact(HealthReport report) {
        Map<HealthProblem, HealthProblem> problems = new IdentityHashMap<>();
        UnaryOperator<HealthProblem> problem = p -> problems.computeIfAbsent(p, this::problem);
        return new HealthReport(text(report.app()), text(report.namespace()), report.status(), report.since(),
                text(report.summary()), report.observedAt(), report.dataAge(), report.fingerprint(),
                statefulSet(report.statefulSet()), list(report.pods(), this::pod), list(report.volumes(), this::volume),
                list(report.dns(), this::dns), list(report.services(), this::service),
                list(report.causes(), problem), list(report.problems(), problem), list(report.events(), this::event));
    }

    private String text(String text) {
        return strings.intern(text);
    }

    private List<String> texts(List<String> texts) {
        return list(texts, this::text);
    }

    private static <T> List<T> list(List<T> items, UnaryOperator<T> each) {
        if (items == null) {
            return null;
        }
        Object[] compacted = new Object[items.size()];
        for (int i = 0; i < compacted.length; i++) {
            T item = items.get(i);
            compacted[i] = item == null ? null : each.apply(item);
        }
        @SuppressWarnings("unchecked")
        List<T> frozen = switch (compacted.length) {
            case 0 -> Collections.emptyList();
            case 1 -> Collections.singletonList((T) compacted[0]);
            default -> new FrozenList<>(compacted);
        };
        return frozen;
    }

    private StatefulSetReport statefulSet(StatefulSetReport s) {
        return s == null ? null : new StatefulSetReport(text(s.name()), s.status(), s.rollout(), s.replicas(),
                s.readyReplicas(), s.currentReplicas(), s.updatedReplicas(), s.availableReplicas(),
                text(s.currentRevision()), text(s.updateRevision()), s.generation(), s.observedGeneration(),
                text(s.updateStrategy()), s.partition(), text(s.serviceName()));
    }

    private PodReport pod(PodReport p) {
        return new PodReport(text(p.name()), p.ordinal(), p.status(), text(p.phase()), p.ready(), p.restarts(),
                text(p.podIP()), text(p.node()), text(p.revision()), p.startedAt(), list(p.containers(), this::container));
    }

    private ContainerReport container(ContainerReport c) {
        return new ContainerReport(text(c.name()), c.init(), text(c.state()), text(c.reason()), c.exitCode(), c.ready(),
                c.restarts(), text(c.lastTerminated()), c.lastExitCode());
    }

    private VolumeReport volume(VolumeReport v) {
        ClaimReport c = v.claim();
        PersistentVolumeReport pv = v.volume();
        return new VolumeReport(text(v.pod()), text(v.claimTemplate()), v.status(),
                c == null ? null : new ClaimReport(text(c.name()), text(c.phase()), text(c.capacity()),
                        text(c.requested()), text(c.storageClassName()), texts(c.accessModes()), text(c.volumeName())),
                pv == null ? null : new PersistentVolumeReport(text(pv.name()), text(pv.phase()), text(pv.capacity()),
                        text(pv.reclaimPolicy()), text(pv.storageClassName())));
    }

    private DnsRecordReport dns(DnsRecordReport d) {
        return new DnsRecordReport(text(d.pod()), d.hostname(), text(d.podIP()), texts(d.publishedAddresses()),
                d.ready(), d.status());
    }

    private ServiceReport service(ServiceReport s) {
        return new ServiceReport(text(s.role()), text(s.name()), s.status(), text(s.type()), text(s.clusterIP()),
                list(s.ports(), this::port), s.selectorMatches(), s.readyEndpoints(), texts(s.loadBalancerIngress()));
    }

    private PortReport port(PortReport p) {
        return new PortReport(text(p.name()), p.port(), text(p.protocol()), text(p.targetPort()), p.nodePort());
    }

    private HealthProblem problem(HealthProblem p) {
        return new HealthProblem(p.severity(), text(p.object()), p.reason(), text(p.message()), text(p.hint()),
                p.since());
    }

    private EventReport event(EventReport e) {
        return new EventReport(text(e.type()), text(e.reason()), text(e.object()), text(e.message()), e.count(),
                e.lastSeen());
    }
}
