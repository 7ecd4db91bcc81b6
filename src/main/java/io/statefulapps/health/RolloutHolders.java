package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.statefulapps.kubernetes.StatefulSetNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pods that keep the rollout from being done, by ordinal with a word on why; and (OnDelete) the
 * pods on an old revision, which only a person deleting them will update.
 *
 * @param blockingPodNames the blocking pods that exist, in ordinal order
 * @param notCreated       ordinals in range that have no pod: the controller has not created them (yet)
 */
record RolloutHolders(Map<Integer, String> blocking, List<String> blockingPodNames, Map<Integer, String> outdated,
        List<Integer> notCreated) {

    /** @param partition pods at or above it are the ones a rolling update replaces (0 for OnDelete) */
    static RolloutHolders of(AppPods pods, int first, int replicas, int partition, boolean onDelete,
            String updateRevision) {
        Map<Integer, String> blocking = new TreeMap<>();
        Map<Integer, String> outdated = new TreeMap<>();
        List<Integer> notCreated = new ArrayList<>();
        for (int i = first; i < first + replicas; i++) {
            Pod pod = pods.at(i);
            String podName = StatefulSetNaming.podName(pods.statefulSet(), i);
            boolean old = updateRevision != null && pod != null && !updateRevision.equals(PodReads.revision(pod));
            if (pod == null) {
                blocking.put(i, podName + " (not created)");
                notCreated.add(i);
            } else if (MetadataReads.isTerminating(pod)) {
                blocking.put(i, podName + " (terminating)");
            } else if (!PodReads.isReady(pod)) {
                blocking.put(i, podName + " (not ready)");
            } else if (old && !onDelete && i >= partition) {
                blocking.put(i, podName + " (old revision)");
            }
            if (old && onDelete) {
                outdated.put(i, podName);
            }
        }
        for (Map.Entry<Integer, Pod> e : pods.byOrdinal().entrySet()) {
            if (e.getKey() < first || e.getKey() >= first + replicas) {
                blocking.put(e.getKey(), MetadataReads.name(e.getValue()) + " (scaling down)");
            }
        }
        List<String> podNames = new ArrayList<>();
        for (Integer ordinal : blocking.keySet()) {
            if (pods.at(ordinal) != null) {
                podNames.add(MetadataReads.name(pods.at(ordinal)));
            }
        }
        return new RolloutHolders(blocking, podNames, outdated, notCreated);
    }
}
