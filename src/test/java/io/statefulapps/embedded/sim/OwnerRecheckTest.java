package io.statefulapps.embedded.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** An owner adopts only as the API server shows it now, not as a cache last saw it. */
class OwnerRecheckTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void aSetThatIsGoneReplacedOrMarkedAdoptsNothing() {
        OwnerRecheck recheck = new OwnerRecheck(client);
        StatefulSet first = create(statefulSet("recheck", 0, "nginx:1.27"));
        assertTrue(recheck.mayAdopt(first));

        client.apps().statefulSets().inNamespace("default").withName("recheck").withGracePeriod(0).delete();
        runUntil("gone", () -> sts("recheck") == null);
        assertFalse(recheck.mayAdopt(first), "deleted");

        StatefulSet second = create(statefulSet("recheck", 0, "nginx:1.27").editMetadata()
                .addToFinalizers("example.com/hold").endMetadata());
        assertFalse(recheck.mayAdopt(first), "replaced by another set of the same name");
        assertTrue(recheck.mayAdopt(second));

        client.apps().statefulSets().inNamespace("default").withName("recheck").delete();
        assertFalse(recheck.mayAdopt(second), "marked for deletion, held by its finalizer");
        client.apps().statefulSets().inNamespace("default").withName("recheck").edit(s -> {
            s.getMetadata().setFinalizers(java.util.List.of());
            return s;
        });
    }
}
