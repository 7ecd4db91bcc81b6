package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The StatefulSet's pods, worked out once per report: in report order (by ordinal, then name) and
 * by ordinal. Pods whose ordinal cannot be read are listed but have no place in {@code byOrdinal}.
 *
 * @param statefulSet the StatefulSet's name (or the name it should have when it is absent)
 */
record AppPods(String statefulSet, List<Pod> sorted, Map<Integer, Pod> byOrdinal) {

    static AppPods of(String statefulSet, List<Pod> pods) {
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing((Pod p) -> PodReads.ordinal(p, statefulSet),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(MetadataReads::name));
        Map<Integer, Pod> byOrdinal = new TreeMap<>();
        for (Pod pod : sorted) {
            Integer ordinal = PodReads.ordinal(pod, statefulSet);
            if (ordinal != null) {
                byOrdinal.put(ordinal, pod);
            }
        }
        return new AppPods(statefulSet, Collections.unmodifiableList(sorted), Collections.unmodifiableMap(byOrdinal));
    }

    Pod at(int ordinal) {
        return byOrdinal.get(ordinal);
    }
}
