package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeStepsTest {

    @Test
    void runsEveryStepInOrder() {
        List<String> ran = new ArrayList<>();
        List<String> done = new ChangeSteps().add("a", () -> ran.add("a")).add("b", () -> ran.add("b")).run();
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of("a", "b"), done);
    }

    @Test
    void aFailureSaysWhatWasDoneAndWhatWasNot() {
        List<String> ran = new ArrayList<>();
        PartialChangeException e = assertThrows(PartialChangeException.class, () -> new ChangeSteps()
                .add("update Service/db-headless", () -> ran.add("1"))
                .add("update StatefulSet/db", () -> {
                    throw new KubernetesClientException("refused", 422, null);
                })
                .add("update Service/db", () -> ran.add("3"))
                .run());
        assertEquals(List.of("1"), ran, "nothing runs after the failed step");
        assertEquals("update StatefulSet/db", e.step());
        assertEquals(List.of("update Service/db-headless"), e.changed());
        assertEquals(List.of("update StatefulSet/db", "update Service/db"), e.unchanged());
        ClusterRefusedException refused = assertInstanceOf(ClusterRefusedException.class, e.failure());
        assertEquals(422, refused.status());
        assertEquals("update StatefulSet/db", refused.step());
    }

    @Test
    void anUnreachableApiIsTranslatedToo() {
        PartialChangeException e = assertThrows(PartialChangeException.class, () -> new ChangeSteps()
                .add("delete Service/db", () -> {
                    throw new KubernetesClientException("connection refused", new java.io.IOException("refused"));
                }).run());
        assertEquals(List.of(), e.changed());
        assertInstanceOf(ClusterUnavailableException.class, e.failure());
    }
}
