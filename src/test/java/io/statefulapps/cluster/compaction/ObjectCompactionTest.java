package io.statefulapps.cluster.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.health.NodeInfo;
import io.statefulapps.render.AppSpecFixtures;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioReader;
import io.statefulapps.render.TrioRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What compaction keeps: StatefulSets and Services whole (equal to what the API server sent, and
 * read back into the same app spec), nodes as the health rules see them; and what it gains:
 * shared strings and maps, immutable collections, unread parts of pods gone.
 */
class ObjectCompactionTest {

    static final KubernetesSerialization SERIALIZATION = EmbeddedClusterObjects.SERIALIZATION;

    static List<HasMetadata> embeddedClusterObjects() {
        return EmbeddedClusterObjects.all();
    }

    static List<HasMetadata> statefulSetsAndServices() {
        return embeddedClusterObjects().stream().filter(o -> o instanceof StatefulSet || o instanceof Service).toList();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("statefulSetsAndServices")
    void keepsStatefulSetsAndServicesWhole(HasMetadata asSent) {
        HasMetadata compacted = new ObjectCompaction().compact(SERIALIZATION.clone(asSent));

        assertEquals(asSent, compacted);
        assertEquals(SERIALIZATION.asJson(asSent), SERIALIZATION.asJson(compacted));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("io.statefulapps.render.AppSpecFixtures#RESOURCE_SPECS")
    void theAppViewReadsTheSameSpecBack(String spec) {
        Trio rendered = new TrioRenderer().render("shop", AppSpecFixtures.resource(spec));
        // As an informer delivers them: read from JSON, so absent lists are Fabric8's empty ones.
        Trio asSent = new Trio(SERIALIZATION.clone(rendered.headlessService()),
                SERIALIZATION.clone(rendered.statefulSet()), SERIALIZATION.clone(rendered.clientService()));
        ObjectCompaction compaction = new ObjectCompaction();
        Trio compacted = new Trio(compaction.compact(SERIALIZATION.clone(asSent.headlessService())),
                compaction.compact(SERIALIZATION.clone(asSent.statefulSet())),
                compaction.compact(SERIALIZATION.clone(asSent.clientService())));

        assertEquals(asSent.statefulSet(), compacted.statefulSet());
        assertEquals(asSent.headlessService(), compacted.headlessService());
        assertEquals(SERIALIZATION.asJson(asSent.statefulSet()), SERIALIZATION.asJson(compacted.statefulSet()));
        assertEquals(new TrioReader().read(asSent), new TrioReader().read(compacted));
        assertEquals(new TrioReader().read(rendered), new TrioReader().read(compacted));
    }

    @Test
    void aNodeKeepsWhatTheHealthRulesRead() {
        Node asSent = new NodeBuilder().withNewMetadata().withName("node-1").addToAnnotations("a", "b")
                .addToLabels("zone", "z1").endMetadata()
                .withNewSpec().withPodCIDR("10.0.0.0/24").endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("False").withReason("KubeletNotReady")
                .withMessage("runtime down").withLastTransitionTime("2026-01-01T00:00:00Z").endCondition()
                .addNewImage().withNames("nginx:1.27").endImage().endStatus().build();

        Node compacted = new ObjectCompaction().compact(SERIALIZATION.clone(asSent));

        assertEquals(NodeInfo.of(asSent), NodeInfo.of(compacted));
        assertEquals(Map.of("zone", "z1"), compacted.getMetadata().getLabels());
        assertTrue(compacted.getStatus().getImages().isEmpty());
        assertNull(compacted.getSpec());
    }

    @Test
    void aPodLosesWhatNothingReads() {
        Pod asSent = (Pod) embeddedClusterObjects().stream().filter(o -> o instanceof Pod).findFirst().orElseThrow();
        Pod withExtras = new PodBuilder(asSent).editMetadata().addToAnnotations("sidecar", "{}").endMetadata()
                .editSpec().addNewToleration().withKey("node.kubernetes.io/not-ready").endToleration()
                .editFirstContainer().addNewEnv().withName("A").withValue("1").endEnv().endContainer().endSpec()
                .build();

        Pod compacted = new ObjectCompaction().compact(SERIALIZATION.clone(withExtras));

        assertTrue(compacted.getMetadata().getAnnotations().isEmpty());
        assertTrue(compacted.getMetadata().getOwnerReferences().isEmpty());
        assertTrue(compacted.getSpec().getTolerations().isEmpty());
        assertTrue(compacted.getSpec().getContainers().get(0).getEnv().isEmpty());
        assertNull(compacted.getSpec().getSecurityContext());
        assertNull(compacted.getStatus().getContainerStatuses().get(0).getContainerID());
        assertNull(compacted.getStatus().getContainerStatuses().get(0).getImageID());
        assertEquals(List.of("Ready", "PodScheduled"),
                compacted.getStatus().getConditions().stream().map(c -> c.getType()).toList());
        assertEquals(asSent.getSpec().getContainers().get(0).getImage(), compacted.getSpec().getContainers().get(0).getImage());
        assertEquals(asSent.getStatus().getPodIP(), compacted.getStatus().getPodIP());
    }

    @Test
    void referencesLoseTheirVersionAndOnlyAnEventKeepsItsObjectsUid() {
        ObjectReference reference = new ObjectReferenceBuilder().withKind("Pod").withNamespace("demo").withName("web-0")
                .withUid("0b6d2c5e-7a1f-4c1e-9d0e-3f2a1b4c5d6e").withResourceVersion("4711").build();
        Event event = new EventBuilder().withNewMetadata().withName("web-0.1").withNamespace("demo").endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder(reference).build()).withType("Warning").build();
        EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata().withName("web-abc").withNamespace("demo").endMetadata()
                .withAddressType("IPv4").addNewEndpoint().withAddresses("10.0.0.1")
                .withTargetRef(new ObjectReferenceBuilder(reference).build()).endEndpoint().build();
        PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata().withName("pv-1").endMetadata()
                .withNewSpec().withClaimRef(new ObjectReferenceBuilder(reference).withKind("PersistentVolumeClaim").build())
                .endSpec().build();
        ObjectCompaction compaction = new ObjectCompaction();

        ObjectReference involved = compaction.compact(event).getInvolvedObject();
        ObjectReference target = compaction.compact(slice).getEndpoints().get(0).getTargetRef();
        ObjectReference claim = compaction.compact(volume).getSpec().getClaimRef();

        assertEquals(reference.getUid(), involved.getUid());
        assertNull(target.getUid());
        assertNull(claim.getUid());
        for (ObjectReference kept : List.of(involved, target, claim)) {
            assertNull(kept.getResourceVersion());
            assertEquals("web-0", kept.getName());
            assertEquals("demo", kept.getNamespace());
        }
        assertEquals("PersistentVolumeClaim", claim.getKind());
    }

    @Test
    void equalStringsAndLabelMapsAreSharedAndCollectionsRefuseChanges() {
        ObjectCompaction compaction = new ObjectCompaction();
        List<Pod> pods = embeddedClusterObjects().stream().filter(o -> o instanceof Pod).map(o -> (Pod) o)
                .filter(p -> p.getMetadata().getName().startsWith("app-00000-")).toList();
        Pod first = compaction.compact(SERIALIZATION.clone(pods.get(0)));
        Pod second = compaction.compact(SERIALIZATION.clone(pods.get(1)));
        StatefulSet sts = (StatefulSet) compaction.compact(SERIALIZATION.clone(statefulSetsAndServices().get(0)));

        assertNotSame(pods.get(0).getMetadata().getNamespace(), pods.get(1).getMetadata().getNamespace());
        assertSame(first.getMetadata().getNamespace(), second.getMetadata().getNamespace());
        assertSame(first.getSpec().getContainers().get(0).getImage(), second.getSpec().getContainers().get(0).getImage());
        assertSame(sts.getMetadata().getLabels(), sts.getSpec().getTemplate().getMetadata().getLabels());
        List<PersistentVolumeClaim> claims = embeddedClusterObjects().stream()
                .filter(o -> o instanceof PersistentVolumeClaim).map(o -> (PersistentVolumeClaim) compaction.compact(o))
                .toList();
        assertSame(claims.get(0).getSpec().getAccessModes(), claims.get(1).getStatus().getAccessModes());
        assertSame(first.getAdditionalProperties(), second.getSpec().getAdditionalProperties());
        assertThrows(UnsupportedOperationException.class, () -> first.getMetadata().getLabels().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> first.getSpec().getVolumes().clear());
        assertThrows(UnsupportedOperationException.class, () -> first.getSpec().getTolerations().add(null));
        assertFalse(first.getMetadata().getFinalizers().contains(null));
        assertNull(first.getMetadata().getLabels().get(null));
    }
}
