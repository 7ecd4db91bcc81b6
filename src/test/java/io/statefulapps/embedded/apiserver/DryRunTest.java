package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DryRunTest extends ApiServerTestBase {

    @Test
    void dryRunCreateAnswersTheDefaultedObjectAndStoresNothing() {
        StatefulSet answered = client.apps().statefulSets().resource(statefulSet("dry")).dryRun().create();
        assertEquals("OrderedReady", answered.getSpec().getPodManagementPolicy());
        assertNotNull(answered.getMetadata().getUid());
        assertNull(client.apps().statefulSets().withName("dry").get());
    }

    @Test
    void dryRunCreateStillValidates() {
        var bad = statefulSet("Bad_Name");
        var e = assertThrows(io.fabric8.kubernetes.client.KubernetesClientException.class,
                () -> client.apps().statefulSets().resource(bad).dryRun().create());
        assertEquals(422, e.getCode());
    }

    @Test
    void dryRunPatchAndUpdateChangeNothing() {
        client.apps().statefulSets().resource(statefulSet("dry-patch")).create();
        StatefulSet answered = client.apps().statefulSets().withName("dry-patch").dryRun()
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":5}}");
        assertEquals(5, answered.getSpec().getReplicas());
        assertEquals(2, client.apps().statefulSets().withName("dry-patch").get().getSpec().getReplicas());

        StatefulSet current = client.apps().statefulSets().withName("dry-patch").get();
        current.getSpec().setReplicas(7);
        client.apps().statefulSets().resource(current).dryRun().update();
        assertEquals(2, client.apps().statefulSets().withName("dry-patch").get().getSpec().getReplicas());
    }

    @Test
    void dryRunDeleteKeepsTheObject() {
        client.apps().statefulSets().resource(statefulSet("dry-delete")).create();
        client.apps().statefulSets().withName("dry-delete").dryRun().delete();
        assertNotNull(client.apps().statefulSets().withName("dry-delete").get());
    }
}
