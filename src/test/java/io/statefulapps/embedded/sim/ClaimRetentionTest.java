package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A retention policy changed on a live set reaches its existing claims, as in kubectl patch sts. */
class ClaimRetentionTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void deletePolicyPatchedOnARetainingSetMakesTheSetAndThenTheCondemnedPodOwnTheClaims() {
        String setUid = create(statefulSet("late", 2, "nginx:1.27")).getMetadata().getUid();
        runUntil("ready", () -> ready(pod("late-1")));
        assertTrue(claim("data-late-0").getMetadata().getOwnerReferences().isEmpty());

        patchPolicy("late", "Delete", "Delete");
        runUntil("claims owned by the set", () -> ownerUids("data-late-0").equals(List.of(setUid))
                && ownerUids("data-late-1").equals(List.of(setUid)));
        OwnerReference ref = claim("data-late-0").getMetadata().getOwnerReferences().get(0);
        assertEquals("StatefulSet", ref.getKind());
        assertTrue(ref.getController());

        String podUid = pod("late-1").getMetadata().getUid();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (Watch watch = client.persistentVolumeClaims().inNamespace("default").withName("data-late-1")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, PersistentVolumeClaim claim) {
                        seen.add(String.join(",", claim.getMetadata().getOwnerReferences().stream()
                                .map(OwnerReference::getUid).toList()));
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            client.apps().statefulSets().inNamespace("default").withName("late").scale(1);
            runUntil("condemned claim gone", () -> claim("data-late-1") == null);
            await("the condemned pod, not the set, owned its claim", () -> seen.contains(podUid));
        }
        assertEquals(List.of(setUid), ownerUids("data-late-0"), "the remaining claim stays the set's");

        client.apps().statefulSets().inNamespace("default").withName("late").delete();
        runUntil("the set's claim goes with it", () -> claim("data-late-0") == null);
    }

    @Test
    void retainPatchedOnADeletingSetTakesTheReferencesOffAndTheClaimsOutliveTheSet() {
        create(statefulSet("kept", 1, "nginx:1.27").editSpec().withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenScaled("Delete").withWhenDeleted("Delete").endPersistentVolumeClaimRetentionPolicy()
                .endSpec());
        runUntil("ready", () -> ready(pod("kept-0")));
        assertEquals(1, claim("data-kept-0").getMetadata().getOwnerReferences().size());

        patchPolicy("kept", "Retain", "Retain");
        runUntil("references removed", () -> claim("data-kept-0").getMetadata().getOwnerReferences().isEmpty());
        client.apps().statefulSets().inNamespace("default").withName("kept").delete();
        runUntil("set and pod gone", () -> sts("kept") == null && pod("kept-0") == null);
        assertNotNull(claim("data-kept-0"), "Retain: the claim outlives the set");
    }

    @Test
    void whenScaledDeleteAloneDeletesOnlyTheCondemnedClaims() {
        create(statefulSet("shrink", 3, "nginx:1.27").editSpec().withPodManagementPolicy("Parallel").endSpec());
        runUntil("ready", () -> ready(pod("shrink-0")) && ready(pod("shrink-1")) && ready(pod("shrink-2")));
        patchPolicy("shrink", "Delete", "Retain");
        client.apps().statefulSets().inNamespace("default").withName("shrink").scale(1);
        runUntil("condemned claims gone", () -> claim("data-shrink-1") == null && claim("data-shrink-2") == null);
        assertTrue(claim("data-shrink-0").getMetadata().getOwnerReferences().isEmpty(),
                "whenDeleted Retain: the kept claim has no owner");
    }

    @Test
    void aSetWhoseClaimsFollowItsPolicyWritesNoClaim() {
        create(statefulSet("still", 1, "nginx:1.27").editSpec().withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted("Delete").endPersistentVolumeClaimRetentionPolicy().endSpec());
        runUntil("ready", () -> ready(pod("still-0")));
        String version = claim("data-still-0").getMetadata().getResourceVersion();
        // a change of the set brings it back to its sync
        client.apps().statefulSets().inNamespace("default").withName("still").edit(s -> {
            s.getMetadata().getAnnotations().put("touched", "yes");
            return s;
        });
        driver.advance(Duration.ofMillis(250), 8);
        assertEquals(version, claim("data-still-0").getMetadata().getResourceVersion());
    }

    private void patchPolicy(String set, String whenScaled, String whenDeleted) {
        client.apps().statefulSets().inNamespace("default").withName(set).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"persistentVolumeClaimRetentionPolicy\":{\"whenScaled\":\"" + whenScaled
                        + "\",\"whenDeleted\":\"" + whenDeleted + "\"}}}");
    }

    private PersistentVolumeClaim claim(String name) {
        return client.persistentVolumeClaims().inNamespace("default").withName(name).get();
    }

    private List<String> ownerUids(String claim) {
        return claim(claim).getMetadata().getOwnerReferences().stream().map(OwnerReference::getUid).toList();
    }
}
