package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedLabelsTest {

    @Test
    void theFourManagedLabelsAppFirst() {
        assertEquals(List.of("app", "app.kubernetes.io/name", "app.kubernetes.io/instance",
                "app.kubernetes.io/managed-by"), List.copyOf(ManagedLabels.of("zk").keySet()));
        assertEquals(Map.of("app", "zk", "app.kubernetes.io/name", "zk", "app.kubernetes.io/instance", "zk",
                "app.kubernetes.io/managed-by", "stateful-apps-api"), ManagedLabels.of("zk"));
    }

    @Test
    void extrasNeverOverrideAManagedLabel() {
        Map<String, String> labels = ManagedLabels.withExtra("zk",
                Map.of("app", "other", "app.kubernetes.io/managed-by", "helm", "team", "data"));
        assertEquals("zk", labels.get("app"));
        assertEquals("stateful-apps-api", labels.get("app.kubernetes.io/managed-by"));
        assertEquals("data", labels.get("team"));
        assertEquals(Map.of("team", "data"), ManagedLabels.extraOf(labels));
    }

    @Test
    void recognizesManagedObjectsAndTheirApp() {
        HasMetadata managed = object(ManagedLabels.of("zk"));
        HasMetadata seedOnly = object(Map.of("app", "eureka"));
        HasMetadata bare = new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build();

        assertTrue(ManagedLabels.isManaged(managed));
        assertFalse(ManagedLabels.isManaged(seedOnly));
        assertFalse(ManagedLabels.isManaged(bare));
        assertEquals("zk", ManagedLabels.appName(managed));
        assertEquals("eureka", ManagedLabels.appName(seedOnly), "falls back to the seed's app label");
        assertNull(ManagedLabels.appName(bare));
    }

    private static HasMetadata object(Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName("x").withLabels(labels).endMetadata().build();
    }
}
