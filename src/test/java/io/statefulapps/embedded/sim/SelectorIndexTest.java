package io.statefulapps.embedded.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which Services select a pod, found from the pod's labels. */
class SelectorIndexTest {

    private static final String MANAGED = "app.kubernetes.io/managed-by";

    @Test
    void findsEverySelectorThePodsLabelsSatisfyAndNoOther() {
        SelectorIndex index = new SelectorIndex();
        for (int i = 0; i < 50; i++) {
            // every app shares the managed-by pair: it must not make one long list
            index.put("ns/app" + i, "ns", Map.of(MANAGED, "stateful-apps", "app", "app" + i));
        }
        index.put("ns/all", "ns", Map.of(MANAGED, "stateful-apps"));
        index.put("ns/one-pod", "ns", Map.of("statefulset.kubernetes.io/pod-name", "app7-0"));
        index.put("other/app7", "other", Map.of(MANAGED, "stateful-apps", "app", "app7"));
        Map<String, String> pod = Map.of(MANAGED, "stateful-apps", "app", "app7",
                "statefulset.kubernetes.io/pod-name", "app7-0");
        assertEquals(Set.of("ns/app7", "ns/all", "ns/one-pod"), index.matching("ns", pod));
        assertEquals(Set.of("ns/all"), index.matching("ns", Map.of(MANAGED, "stateful-apps", "app", "stranger")));
    }

    @Test
    void aChangedOrRemovedSelectorNoLongerMatches() {
        SelectorIndex index = new SelectorIndex();
        index.put("ns/svc", "ns", Map.of("app", "a"));
        index.put("ns/svc", "ns", Map.of("app", "b"));
        assertEquals(Set.of(), index.matching("ns", Map.of("app", "a")));
        assertEquals(Set.of("ns/svc"), index.matching("ns", Map.of("app", "b")));
        index.remove("ns/svc");
        assertEquals(Set.of(), index.matching("ns", Map.of("app", "b")));
        index.put("ns/none", "ns", Map.of());
        assertEquals(Set.of(), index.matching("ns", Map.of("app", "b")), "an empty selector selects nothing");
    }
}
