package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pvc- and pv-protection controllers: storage in use is not taken away by a delete. */
class StorageProtectionTest extends SimulatorTestBase {

    private static final String PVC_PROTECTION = "kubernetes.io/pvc-protection";
    private static final String PV_PROTECTION = "kubernetes.io/pv-protection";

    @Override
    protected boolean driven() {
        return true;
    }

    private PersistentVolumeClaim claim(String name) {
        return client.persistentVolumeClaims().inNamespace("default").withName(name).get();
    }

    private PersistentVolume volume(String name) {
        return client.persistentVolumes().withName(name).get();
    }

    private void deleteClaim(String name) {
        client.persistentVolumeClaims().inNamespace("default").withName(name).delete();
    }

    private Pod podMounting(String name, String claim) {
        return client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName(claim)
                .endPersistentVolumeClaim().endVolume().endSpec().build()).create();
    }

    @Test
    void aClaimInUseStaysTerminatingUntilItsPodIsGoneThenItsVolumeIsReclaimed() {
        create(statefulSet("guarded", 2, "nginx:1.27"));
        runUntil("2 ready pods", () -> ready(pod("guarded-1")));
        PersistentVolumeClaim claim = claim("data-guarded-1");
        assertEquals(List.of(PVC_PROTECTION), claim.getMetadata().getFinalizers());
        String pv = claim.getSpec().getVolumeName();
        assertEquals(List.of(PV_PROTECTION), volume(pv).getMetadata().getFinalizers());

        deleteClaim("data-guarded-1");
        driver.advance(Duration.ofMillis(50), 10);
        PersistentVolumeClaim terminating = claim("data-guarded-1");
        assertNotNull(terminating, "a claim a running pod uses is not taken away");
        assertNotNull(terminating.getMetadata().getDeletionTimestamp());
        assertEquals(List.of(PVC_PROTECTION), terminating.getMetadata().getFinalizers());
        assertEquals("Bound", terminating.getStatus().getPhase());
        assertEquals("Bound", volume(pv).getStatus().getPhase());
        assertTrue(ready(pod("guarded-1")));

        client.apps().statefulSets().inNamespace("default").withName("guarded").scale(1);
        runUntil("pod and claim gone", () -> pod("guarded-1") == null && claim("data-guarded-1") == null);
        runUntil("its volume (reclaim policy Delete) deleted", () -> volume(pv) == null);
        assertNotNull(claim("data-guarded-0"), "the other ordinal's claim is untouched");
    }

    @Test
    void aSetWaitsForAClaimBeingDeletedBeforeItMakesThePodAgain() {
        create(statefulSet("patient", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("patient-0")));
        String oldUid = claim("data-patient-0").getMetadata().getUid();
        podMounting("holder", "data-patient-0"); // a second user keeps the claim after the set's pod goes
        runUntil("holder ready", () -> ready(pod("holder")));
        deleteClaim("data-patient-0");
        client.pods().inNamespace("default").withName("patient-0").delete();
        runUntil("FailedCreate", () -> hasEvent("patient", "Warning", "FailedCreate",
                "create Pod patient-0 in StatefulSet patient failed error: pvc data-patient-0 is being deleted"));
        driver.advance(Duration.ofMillis(50), 10);
        assertNull(pod("patient-0"), "no pod on a claim that is going away");
        assertEquals(oldUid, claim("data-patient-0").getMetadata().getUid());

        client.pods().inNamespace("default").withName("holder").delete();
        runUntil("pod back on a new claim", () -> ready(pod("patient-0")) && claim("data-patient-0") != null
                && !oldUid.equals(claim("data-patient-0").getMetadata().getUid()));
        assertEquals("Bound", claim("data-patient-0").getStatus().getPhase());
        assertEquals(List.of(PVC_PROTECTION), claim("data-patient-0").getMetadata().getFinalizers());
    }

    @Test
    void aPodIsNotScheduledOnAClaimBeingDeleted() {
        create(statefulSet("held", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("held-0")));
        deleteClaim("data-held-0");
        podMounting("latecomer", "data-held-0");
        runUntil("Unschedulable", () -> PodConditions.get(pod("latecomer"), "PodScheduled") != null);
        assertTrue(PodConditions.get(pod("latecomer"), "PodScheduled").getMessage()
                .contains("persistentvolumeclaim \"data-held-0\" is being deleted"));
        assertNull(pod("latecomer").getSpec().getNodeName());
        assertNotNull(claim("data-held-0"), "an unscheduled pod does not hold it, the set's running pod does");
    }

    @Test
    void aBoundVolumeStaysTerminatingUntilItsClaimIsGone() {
        client.persistentVolumeClaims().inNamespace("default").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("kept").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .withStorageClassName("alicloud-nas").withNewResources().addToRequests("storage", new Quantity("1Gi"))
                .endResources().endSpec().build()).create();
        runUntil("bound", () -> claim("kept").getStatus() != null && "Bound".equals(claim("kept").getStatus()
                .getPhase()));
        String pv = claim("kept").getSpec().getVolumeName();
        client.persistentVolumes().withName(pv).delete();
        driver.advance(Duration.ofMillis(50), 10);
        assertNotNull(volume(pv).getMetadata().getDeletionTimestamp());
        assertEquals(List.of(PV_PROTECTION), volume(pv).getMetadata().getFinalizers());
        assertEquals("Bound", volume(pv).getStatus().getPhase());

        deleteClaim("kept"); // no pod uses it: it goes at once, and its volume (Retain) is Released
        runUntil("claim and volume gone", () -> claim("kept") == null && volume(pv) == null);
    }

    @Test
    void aVolumeMadeByHandIsProtectedAndARetainedOneStaysReleased() {
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName("by-hand")
                .endMetadata().withNewSpec().addToCapacity("storage", new Quantity("1Gi"))
                .withAccessModes("ReadWriteOnce").withNewHostPath().withPath("/data").endHostPath().endSpec().build())
                .create();
        runUntil("protected", () -> volume("by-hand").getMetadata().getFinalizers().contains(PV_PROTECTION));

        PersistentVolumeClaim retained = client.persistentVolumeClaims().inNamespace("default").resource(
                new PersistentVolumeClaimBuilder().withNewMetadata().withName("retained").endMetadata().withNewSpec()
                        .withAccessModes("ReadWriteOnce").withStorageClassName("alicloud-nas").withNewResources()
                        .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
        runUntil("bound", () -> "Bound".equals(claim("retained").getStatus().getPhase()));
        deleteClaim("retained");
        String pv = "pvc-" + retained.getMetadata().getUid();
        runUntil("Released", () -> claim("retained") == null && "Released".equals(volume(pv).getStatus().getPhase()));
        assertNull(volume(pv).getMetadata().getDeletionTimestamp(), "Retain keeps the volume");
    }

    @Test
    void theProvisionersVolumeIsProtectedFromItsFirstVersion() {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("c")
                .withNamespace("default").withUid("u").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .endSpec().build();
        PersistentVolume pv = VolumeFactory.newVolume(claim, new StorageClassBuilder().withNewMetadata()
                .withName("standard").endMetadata().withProvisioner(StorageClasses.PROVISIONER).build(), "pvc-u",
                new Quantity("1Gi"), null);
        assertEquals(List.of(PV_PROTECTION), pv.getMetadata().getFinalizers());
    }
}
