package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The StatefulSet and its rollout. A StatefulSet has no Progressing condition (unlike a
 * Deployment), so "is the rollout stuck?" is answered from the pods: see {@link #lastProgress}.
 */
final class StatefulSetAssessor {

    private StatefulSetAssessor() {
    }

    static PartAssessment<StatefulSetReport> assess(StatefulSet sts, AppPods pods, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        RolloutFacts facts = RolloutFacts.of(sts, pods);
        List<Finding> findings = new ArrayList<>();
        RolloutState rollout;
        HealthStatus baseline = HealthStatus.Healthy;
        if (!facts.generationObserved()) {
            findings.add(Finding.of(Reason.GenerationNotObserved, facts.object(),
                    "the controller has not yet seen the latest spec (generation " + facts.generation() + ", observed "
                            + facts.observedGeneration() + ")",
                    "if this lasts, check kube-controller-manager; " + kubectl.describe("statefulset", facts.name())));
            rollout = RolloutState.Progressing;
        } else if (facts.inProgress()) {
            PodCreateFailure.assess(sts, facts, pods, context).ifPresent(findings::add);
            Finding progress = inProgress(facts, context);
            findings.add(progress);
            rollout = progress.problem().reason() == Reason.RolloutStalled ? RolloutState.Stalled : RolloutState.Progressing;
        } else if (facts.replicas() == 0) {
            rollout = RolloutState.Complete;
            baseline = HealthStatus.Suspended;
        } else if (facts.onDelete() && !facts.holders().outdated().isEmpty()) {
            rollout = RolloutState.OnDeleteOutdated;
        } else if (facts.partition() > 0 && facts.revisionsDiffer()) {
            rollout = RolloutState.Partitioned;
        } else {
            rollout = RolloutState.Complete;
        }
        if (facts.generationObserved() && facts.onDelete() && !facts.holders().outdated().isEmpty()) {
            findings.add(onDeleteOutdated(facts, kubectl));
        }
        return new PartAssessment<>(report(sts, facts, rollout, Finding.worst(findings, baseline)), findings);
    }

    /** RolloutInProgress, or RolloutStalled once nothing moved for the rollout deadline. */
    private static Finding inProgress(RolloutFacts facts, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        Instant last = facts.lastProgress();
        Instant deadline = last == null ? null : last.plus(context.settings().rolloutDeadline());
        if (deadline != null && context.passed(deadline)) {
            List<String> holding = facts.holders().blockingPodNames();
            return Finding.of(Reason.RolloutStalled, facts.object(),
                    "no progress since " + last + " " + facts.progressText(),
                    holding.isEmpty() ? kubectl.describe("statefulset", facts.name())
                            : "look at the pod that holds it: " + kubectl.describe("pod", holding.get(0)))
                    .since(deadline);
        }
        boolean sameRevision = facts.updateRevision() == null || !facts.revisionsDiffer();
        String what = sameRevision ? "waiting for pods to be ready" : "rolling out revision " + facts.updateRevision();
        return Finding.of(Reason.RolloutInProgress, facts.object(), what + " " + facts.progressText(),
                "follow it: " + kubectl.get("pods -l " + facts.podSelector() + " -w"));
    }

    private static Finding onDeleteOutdated(RolloutFacts facts, Kubectl kubectl) {
        List<String> outdated = List.copyOf(facts.holders().outdated().values());
        return Finding.of(Reason.OnDeleteOutdatedPods, facts.object(),
                "updateStrategy OnDelete: " + outdated.size() + " pod(s) still run an old revision: "
                        + String.join(", ", outdated),
                "delete them one at a time, waiting for each to be Ready again: kubectl -n " + kubectl.namespace()
                        + " delete pod " + outdated.get(0));
    }

    private static StatefulSetReport report(StatefulSet sts, RolloutFacts facts, RolloutState rollout,
            HealthStatus verdict) {
        var status = facts.status();
        return new StatefulSetReport(facts.name(), verdict, rollout, facts.replicas(), facts.ready(),
                orZero(status.getCurrentReplicas()), facts.updated(), orZero(status.getAvailableReplicas()),
                status.getCurrentRevision(), facts.updateRevision(), facts.generation(), facts.observedGeneration(),
                facts.strategy(), facts.onDelete() ? null : facts.partition(),
                sts.getSpec() == null ? null : sts.getSpec().getServiceName());
    }

    /**
     * The last time anything moved, since a StatefulSet keeps no progress condition: the newest of
     * the StatefulSet's creation, its pods' creation and deletion start, their Ready condition's
     * last transition (either way) and their containers' start. A crash loop restarts containers
     * and so counts as movement, but it is Degraded on its own account.
     */
    static Instant lastProgress(StatefulSet sts, List<Pod> pods) {
        Instant last = MetadataReads.created(sts);
        for (Pod pod : pods) {
            last = Timestamps.newest(last, MetadataReads.created(pod));
            if (MetadataReads.isTerminating(pod)) {
                Instant due = Timestamps.parse(pod.getMetadata().getDeletionTimestamp());
                Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
                last = Timestamps.newest(last, due == null ? null : due.minusSeconds(grace == null ? 0 : grace));
            }
            last = Timestamps.newest(last, PodReads.conditionChanged(pod, "Ready"));
            last = Timestamps.newest(last, PodReads.newestContainerStart(pod));
        }
        return last;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
