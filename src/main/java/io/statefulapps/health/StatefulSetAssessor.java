package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The StatefulSet and its rollout. A StatefulSet has no Progressing condition (unlike a
 * Deployment), so "is the rollout stuck?" is answered from the pods: see {@link #lastProgress}.
 */
final class StatefulSetAssessor {

    private StatefulSetAssessor() {
    }

    static Assessed<StatefulSetReport> assess(StatefulSet sts, ClusterSnapshot snapshot, HealthSettings settings) {
        String name = Kube.name(sts);
        String object = "StatefulSet/" + name;
        Kubectl kubectl = new Kubectl(snapshot.namespace());
        StatefulSetStatus status = sts.getStatus() != null ? sts.getStatus() : new StatefulSetStatus();
        int replicas = Kube.replicas(sts);
        int first = Kube.firstOrdinal(sts);
        String strategy = strategy(sts);
        boolean onDelete = "OnDelete".equals(strategy);
        int partition = onDelete ? 0 : partition(sts);
        Long generation = sts.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        String updateRevision = status.getUpdateRevision();
        List<Finding> findings = new ArrayList<>();
        RolloutState rollout;
        HealthStatus baseline = HealthStatus.Healthy;

        if (observed == null || (generation != null && observed < generation)) {
            findings.add(Finding.of(Reason.GenerationNotObserved, object,
                    "the controller has not yet seen the latest spec (generation " + generation + ", observed "
                            + observed + ")",
                    "if this lasts, check kube-controller-manager; " + kubectl.describe("statefulset", name)));
            rollout = RolloutState.Progressing;
        } else {
            Holders holders = holders(sts, snapshot.pods(), first, replicas, partition, onDelete, updateRevision);
            // the pods at or above the partition are the ones a rolling update replaces
            int toUpdate = Math.max(0, first + replicas - Math.max(partition, first));
            boolean countersBehind = Kube.orZero(status.getReadyReplicas()) < replicas
                    || (!onDelete && updateRevision != null
                            && Kube.orZero(status.getUpdatedReplicas()) < toUpdate)
                    || (!onDelete && partition == 0 && updateRevision != null
                            && !updateRevision.equals(status.getCurrentRevision()));
            boolean inProgress = !holders.blocking().isEmpty() || (replicas > 0 && countersBehind);
            if (inProgress) {
                rollout = inProgress(object, name, sts, snapshot, settings, kubectl, holders, replicas, status, findings);
            } else if (replicas == 0) {
                rollout = RolloutState.Complete;
                baseline = HealthStatus.Suspended;
            } else if (onDelete && !holders.outdated().isEmpty()) {
                rollout = RolloutState.OnDeleteOutdated;
            } else if (partition > 0 && updateRevision != null && !updateRevision.equals(status.getCurrentRevision())) {
                rollout = RolloutState.Partitioned;
            } else {
                rollout = RolloutState.Complete;
            }
            if (onDelete && !holders.outdated().isEmpty()) {
                String firstOutdated = holders.outdated().values().iterator().next();
                findings.add(Finding.of(Reason.OnDeleteOutdatedPods, object,
                        "updateStrategy OnDelete: " + holders.outdated().size() + " pod(s) still run an old revision: "
                                + String.join(", ", holders.outdated().values()),
                        "delete them one at a time, waiting for each to be Ready again: kubectl -n "
                                + snapshot.namespace() + " delete pod " + firstOutdated));
            }
        }

        HealthStatus verdict = Finding.worst(findings, baseline);
        StatefulSetReport report = new StatefulSetReport(name, verdict, rollout, replicas,
                Kube.orZero(status.getReadyReplicas()), Kube.orZero(status.getCurrentReplicas()),
                Kube.orZero(status.getUpdatedReplicas()), Kube.orZero(status.getAvailableReplicas()),
                status.getCurrentRevision(), updateRevision, generation, observed, strategy,
                onDelete ? null : partition, sts.getSpec() == null ? null : sts.getSpec().getServiceName());
        return new Assessed<>(report, findings);
    }

    private static RolloutState inProgress(String object, String name, StatefulSet sts, ClusterSnapshot snapshot,
            HealthSettings settings, Kubectl kubectl, Holders holders, int replicas, StatefulSetStatus status,
            List<Finding> findings) {
        String counts = "ready " + Kube.orZero(status.getReadyReplicas()) + "/" + replicas + ", updated "
                + Kube.orZero(status.getUpdatedReplicas()) + "/" + replicas;
        String heldBy = holders.blocking().isEmpty() ? "" : "; waiting for " + String.join(", ", holders.blocking().values());
        Instant last = lastProgress(sts, snapshot.pods());
        if (last != null && snapshot.now().isAfter(last.plus(settings.rolloutDeadline()))) {
            String firstPod = holders.blockingPodNames().isEmpty() ? null : holders.blockingPodNames().get(0);
            findings.add(Finding.of(Reason.RolloutStalled, object,
                    "no progress since " + last + " (" + counts + ")" + heldBy,
                    firstPod != null ? "look at the pod that holds it: " + kubectl.describe("pod", firstPod)
                            : kubectl.describe("statefulset", name)));
            return RolloutState.Stalled;
        }
        boolean sameRevision = status.getUpdateRevision() == null
                || status.getUpdateRevision().equals(status.getCurrentRevision());
        String what = sameRevision ? "waiting for pods to be ready" : "rolling out revision " + status.getUpdateRevision();
        findings.add(Finding.of(Reason.RolloutInProgress, object, what + " (" + counts + ")" + heldBy,
                "follow it: kubectl -n " + snapshot.namespace() + " get pods -l "
                        + selectorHint(sts) + " -w"));
        return RolloutState.Progressing;
    }

    /**
     * The last time anything moved, since a StatefulSet keeps no progress condition: the newest of
     * the StatefulSet's creation, its pods' creation and deletion start, their Ready condition's
     * last transition (either way) and their containers' start. A crash loop restarts containers
     * and so counts as movement, but it is Degraded on its own account.
     */
    static Instant lastProgress(StatefulSet sts, List<Pod> pods) {
        Instant last = Kube.created(sts);
        for (Pod pod : pods) {
            last = Kube.newest(last, Kube.created(pod));
            if (Kube.isTerminating(pod)) {
                Instant due = Kube.time(pod.getMetadata().getDeletionTimestamp());
                Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
                last = Kube.newest(last, due == null ? null : due.minusSeconds(grace == null ? 0 : grace));
            }
            PodCondition ready = Kube.condition(pod, "Ready");
            if (ready != null) {
                last = Kube.newest(last, Kube.time(ready.getLastTransitionTime()));
            }
            if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
                for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
                    if (c.getState() != null && c.getState().getRunning() != null) {
                        last = Kube.newest(last, Kube.time(c.getState().getRunning().getStartedAt()));
                    }
                }
            }
        }
        return last;
    }

    /**
     * Pods that keep the rollout from being done, by ordinal with a word on why; and (OnDelete)
     * the pods on an old revision, which only a person deleting them will update.
     */
    record Holders(Map<Integer, String> blocking, List<String> blockingPodNames, Map<Integer, String> outdated) {
    }

    private static Holders holders(StatefulSet sts, List<Pod> pods, int first, int replicas, int partition, boolean onDelete,
            String updateRevision) {
        String name = Kube.name(sts);
        Map<Integer, Pod> byOrdinal = new TreeMap<>();
        for (Pod pod : pods) {
            Integer ordinal = Kube.ordinal(pod, name);
            if (ordinal != null) {
                byOrdinal.put(ordinal, pod);
            }
        }
        Map<Integer, String> blocking = new TreeMap<>();
        Map<Integer, String> outdated = new TreeMap<>();
        for (int i = first; i < first + replicas; i++) {
            Pod pod = byOrdinal.get(i);
            String podName = name + "-" + i;
            boolean old = updateRevision != null && pod != null && !updateRevision.equals(Kube.revision(pod));
            if (pod == null) {
                blocking.put(i, podName + " (not created)");
            } else if (Kube.isTerminating(pod)) {
                blocking.put(i, podName + " (terminating)");
            } else if (!Kube.isReady(pod)) {
                blocking.put(i, podName + " (not ready)");
            } else if (old && !onDelete && i >= partition) {
                blocking.put(i, podName + " (old revision)");
            }
            if (old && onDelete) {
                outdated.put(i, podName);
            }
        }
        for (Map.Entry<Integer, Pod> e : byOrdinal.entrySet()) {
            if (e.getKey() < first || e.getKey() >= first + replicas) {
                blocking.put(e.getKey(), Kube.name(e.getValue()) + " (scaling down)");
            }
        }
        List<String> podNames = new ArrayList<>();
        for (Integer ordinal : blocking.keySet()) {
            if (byOrdinal.containsKey(ordinal)) {
                podNames.add(Kube.name(byOrdinal.get(ordinal)));
            }
        }
        return new Holders(blocking, podNames, outdated);
    }

    static String strategy(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getUpdateStrategy() == null
                || sts.getSpec().getUpdateStrategy().getType() == null) {
            return "RollingUpdate";
        }
        return sts.getSpec().getUpdateStrategy().getType();
    }

    private static int partition(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getUpdateStrategy() == null
                || sts.getSpec().getUpdateStrategy().getRollingUpdate() == null) {
            return 0;
        }
        return Math.max(0, Kube.orZero(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()));
    }

    private static String selectorHint(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getSelector() == null
                || sts.getSpec().getSelector().getMatchLabels() == null
                || sts.getSpec().getSelector().getMatchLabels().isEmpty()) {
            return "app=" + Kube.name(sts);
        }
        List<String> parts = new ArrayList<>();
        sts.getSpec().getSelector().getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }
}
