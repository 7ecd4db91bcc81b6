package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.config.ClusterMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthActivationTest {

    @Test
    void unsetChecksARealClusterOnly() {
        assertTrue(AuthActivation.decide(Optional.empty(), ClusterMode.EXTERNAL).enabled());
        assertFalse(AuthActivation.decide(Optional.empty(), ClusterMode.EMBEDDED).enabled());
    }

    @Test
    void anExplicitSettingWins() {
        assertTrue(AuthActivation.decide(Optional.of(true), ClusterMode.EMBEDDED).enabled());
        assertFalse(AuthActivation.decide(Optional.of(false), ClusterMode.EXTERNAL).enabled());
    }

    @Test
    void itSaysWhy() {
        assertTrue(AuthActivation.decide(Optional.empty(), ClusterMode.EMBEDDED).why().contains("embedded"));
        assertTrue(AuthActivation.decide(Optional.of(false), ClusterMode.EXTERNAL).why()
                .contains("stateful-apps.auth.enabled=false"));
    }
}
