package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusSubresourceTest extends ApiServerTestBase {

    @Test
    void mainResourceWritesKeepTheStoredStatus() {
        client.apps().statefulSets().resource(statefulSet("status-main")).create();
        StatefulSet edited = new StatefulSetBuilder(client.apps().statefulSets().withName("status-main").get())
                .editSpec().withReplicas(3).endSpec()
                .editOrNewStatus().withReplicas(99).withReadyReplicas(99).endStatus().build();
        StatefulSet answered = client.apps().statefulSets().resource(edited).update();
        assertEquals(3, answered.getSpec().getReplicas());
        assertEquals(0, answered.getStatus().getReplicas());
        assertEquals(0, client.apps().statefulSets().withName("status-main").get().getStatus().getReplicas());
    }

    @Test
    void statusWritesChangeOnlyTheStatus() {
        client.apps().statefulSets().resource(statefulSet("status-sub")).create();
        StatefulSet edited = new StatefulSetBuilder(client.apps().statefulSets().withName("status-sub").get())
                .editSpec().withReplicas(9).endSpec()
                .editOrNewStatus().withReplicas(2).withReadyReplicas(1).endStatus().build();
        client.apps().statefulSets().resource(edited).updateStatus();
        StatefulSet stored = client.apps().statefulSets().withName("status-sub").get();
        assertEquals(2, stored.getSpec().getReplicas());
        assertEquals(2, stored.getStatus().getReplicas());
        assertEquals(1, stored.getStatus().getReadyReplicas());
    }

    @Test
    void pvcPhaseThroughStatusPatch() throws Exception {
        client.persistentVolumeClaims().resource(pvc("lost", "1Gi", "standard")).create();
        var r = http("PATCH", "/api/v1/namespaces/default/persistentvolumeclaims/lost/status",
                "application/merge-patch+json", "{\"status\":{\"phase\":\"Lost\"}}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Lost", client.persistentVolumeClaims().withName("lost").get().getStatus().getPhase());
        // and the main resource cannot set it
        http("PATCH", "/api/v1/namespaces/default/persistentvolumeclaims/lost", "application/merge-patch+json",
                "{\"status\":{\"phase\":\"Bound\"}}");
        assertEquals("Lost", client.persistentVolumeClaims().withName("lost").get().getStatus().getPhase());
    }
}
