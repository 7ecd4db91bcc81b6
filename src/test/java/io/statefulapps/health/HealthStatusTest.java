package io.statefulapps.health;

import static io.statefulapps.health.HealthStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthStatusTest {

    @Test
    void worstOfFollowsTheDocumentedOrder() {
        HealthStatus[] bestToWorst = {Healthy, Suspended, Progressing, Degraded, Missing, Unknown};
        for (int i = 0; i < bestToWorst.length; i++) {
            for (int j = 0; j < bestToWorst.length; j++) {
                assertEquals(bestToWorst[Math.max(i, j)], bestToWorst[i].worse(bestToWorst[j]));
            }
        }
        assertEquals(Degraded, Degraded.worse(null));
    }

    @Test
    void everyReasonHasASeverity() {
        for (Reason r : Reason.values()) {
            assertEquals(true, r.severity() != null, r.name());
            if (r.severity() == Severity.Error) {
                assertEquals(true, r.verdict() == Degraded || r.verdict() == Missing, r.name());
            }
        }
    }
}
