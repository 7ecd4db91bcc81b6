package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GarbageCollectionTest extends ApiServerTestBase {

    private StatefulSet ownerWithPods(String name) {
        StatefulSet sts = client.apps().statefulSets().resource(statefulSet(name)).create();
        OwnerReference ref = new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet")
                .withName(name).withUid(sts.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).build();
        for (int i = 0; i < 2; i++) {
            Pod pod = pod(name + "-" + i);
            pod.getMetadata().getOwnerReferences().add(ref);
            Pod created = client.pods().resource(pod).create();
            // a grandchild: owned by the pod, deleted transitively
            var cm = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                    .withName(name + "-" + i + "-cm").addNewOwnerReference().withApiVersion("v1").withKind("Pod")
                    .withName(created.getMetadata().getName()).withUid(created.getMetadata().getUid()).endOwnerReference()
                    .endMetadata().build();
            client.configMaps().resource(cm).create();
        }
        client.apps().controllerRevisions().resource(new ControllerRevisionBuilder().withNewMetadata()
                .withName(name + "-rev").withOwnerReferences(ref).endMetadata().withRevision(1L).build()).create();
        return sts;
    }

    @Test
    void backgroundDeletesDependentsTransitively() {
        ownerWithPods("gc-bg");
        client.pods().resource(pod("unrelated")).create();
        client.apps().statefulSets().withName("gc-bg").withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        assertNull(client.apps().statefulSets().withName("gc-bg").get());
        assertNull(client.pods().withName("gc-bg-0").get());
        assertNull(client.pods().withName("gc-bg-1").get());
        assertNull(client.configMaps().withName("gc-bg-0-cm").get());
        assertNull(client.apps().controllerRevisions().withName("gc-bg-rev").get());
        assertNotNull(client.pods().withName("unrelated").get());
    }

    @Test
    void defaultPolicyIsBackground() {
        ownerWithPods("gc-default");
        client.apps().statefulSets().withName("gc-default").delete();
        assertNull(client.pods().withName("gc-default-0").get());
    }

    @Test
    void foregroundThroughTheQueryParameter() throws Exception {
        ownerWithPods("gc-fg");
        var r = http("DELETE", "/apis/apps/v1/namespaces/default/statefulsets/gc-fg?propagationPolicy=Foreground",
                null, null);
        assertEquals(200, r.statusCode(), r.body());
        assertNull(client.pods().withName("gc-fg-0").get());
        assertNull(client.apps().statefulSets().withName("gc-fg").get());
    }

    @Test
    void orphanKeepsDependentsAndStripsTheOwnerReference() {
        ownerWithPods("gc-orphan");
        client.apps().statefulSets().withName("gc-orphan").withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        assertNull(client.apps().statefulSets().withName("gc-orphan").get());
        Pod kept = client.pods().withName("gc-orphan-0").get();
        assertNotNull(kept);
        assertTrue(kept.getMetadata().getOwnerReferences().isEmpty());
        assertNotNull(client.apps().controllerRevisions().withName("gc-orphan-rev").get());
        // the grandchild still belongs to its (kept) pod
        assertNotNull(client.configMaps().withName("gc-orphan-0-cm").get());
    }

    @Test
    void deleteCollectionHonoursTheSelector() throws Exception {
        for (String app : new String[] {"doomed", "doomed", "spared"}) {
            io.fabric8.kubernetes.api.model.Pod p = pod("dc-" + app + "-" + System.nanoTime());
            p.getMetadata().getLabels().put("app", app);
            client.pods().resource(p).create();
        }
        var r = http("DELETE", "/api/v1/namespaces/default/pods?labelSelector=app%3Ddoomed", null, null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, client.pods().withLabel("app", "doomed").list().getItems().size());
        assertEquals(1, client.pods().withLabel("app", "spared").list().getItems().size());
    }

    @Test
    void orphanThroughADeleteOptionsBody() throws Exception {
        ownerWithPods("gc-body");
        var r = http("DELETE", "/apis/apps/v1/namespaces/default/statefulsets/gc-body", "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertNotNull(client.pods().withName("gc-body-1").get());
    }

    @Test
    void aDependentCreatedAfterItsOwnerWentIsCollected() {
        StatefulSet sts = ownerWithPods("gc-late");
        client.apps().statefulSets().withName("gc-late").delete();
        // a controller whose cache still held the set creates one more pod for it
        Pod late = pod("gc-late-2");
        late.getMetadata().getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/v1")
                .withKind("StatefulSet").withName("gc-late").withUid(sts.getMetadata().getUid()).withController(true)
                .build());
        client.pods().resource(late).create();
        assertNull(client.pods().withName("gc-late-2").get());

        // a pod of a live owner, or of a kind this server does not store, stays
        StatefulSet live = client.apps().statefulSets().resource(statefulSet("gc-live")).create();
        Pod owned = pod("gc-live-0");
        owned.getMetadata().getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/v1")
                .withKind("StatefulSet").withName("gc-live").withUid(live.getMetadata().getUid()).build());
        client.pods().resource(owned).create();
        assertNotNull(client.pods().withName("gc-live-0").get());
        Pod foreign = pod("gc-foreign");
        foreign.getMetadata().getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("example.com/v1")
                .withKind("Widget").withName("w").withUid("0000").build());
        client.pods().resource(foreign).create();
        assertNotNull(client.pods().withName("gc-foreign").get());
    }
}
