package io.statefulapps.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterModeTest {

    @Test
    void autoIsEmbeddedOnlyWhenNothingIsConfigured() {
        assertEquals(ClusterMode.EMBEDDED, ClusterMode.AUTO.resolve(null, false, false, false));
        assertEquals(ClusterMode.EMBEDDED, ClusterMode.AUTO.resolve("  ", false, false, false));
        assertEquals(ClusterMode.EXTERNAL, ClusterMode.AUTO.resolve("/tmp/kubeconfig", false, false, false));
        assertEquals(ClusterMode.EXTERNAL, ClusterMode.AUTO.resolve(null, true, false, false));
        assertEquals(ClusterMode.EXTERNAL, ClusterMode.AUTO.resolve(null, false, true, false));
        assertEquals(ClusterMode.EXTERNAL, ClusterMode.AUTO.resolve(null, false, false, true));
    }

    @Test
    void explicitModesAreNeverOverridden() {
        assertEquals(ClusterMode.EXTERNAL, ClusterMode.EXTERNAL.resolve(null, false, false, false));
        assertEquals(ClusterMode.EMBEDDED, ClusterMode.EMBEDDED.resolve("/tmp/kubeconfig", true, true, true));
    }
}
