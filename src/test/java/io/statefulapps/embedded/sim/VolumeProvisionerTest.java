package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeProvisionerTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    private PersistentVolumeClaim createClaim(String name, String storageClass, String size) {
        return client.persistentVolumeClaims().inNamespace("default").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .withStorageClassName(storageClass).withNewResources().addToRequests("storage", new Quantity(size))
                .endResources().endSpec().build()).create();
    }

    private PersistentVolumeClaim claim(String name) {
        return client.persistentVolumeClaims().inNamespace("default").withName(name).get();
    }

    private String phase(String claim) {
        PersistentVolumeClaim c = claim(claim);
        return c == null || c.getStatus() == null ? null : c.getStatus().getPhase();
    }

    private PersistentVolume volumeOf(PersistentVolumeClaim claim) {
        return client.persistentVolumes().withName("pvc-" + claim.getMetadata().getUid()).get();
    }

    @Test
    void immediateClaimGetsABoundVolume() {
        createClaim("imm", "alicloud-nas", "2Gi");
        runUntil("bound", () -> "Bound".equals(phase("imm")));
        PersistentVolumeClaim c = claim("imm");
        assertEquals(new Quantity("2Gi"), c.getStatus().getCapacity().get("storage"));
        assertEquals("yes", c.getMetadata().getAnnotations().get("pv.kubernetes.io/bind-completed"));
        assertEquals("yes", c.getMetadata().getAnnotations().get("pv.kubernetes.io/bound-by-controller"));
        PersistentVolume pv = volumeOf(c);
        assertEquals("Bound", pv.getStatus().getPhase());
        assertEquals(new Quantity("2Gi"), pv.getSpec().getCapacity().get("storage"));
        assertEquals("Retain", pv.getSpec().getPersistentVolumeReclaimPolicy());
        assertEquals("alicloud-nas", pv.getSpec().getStorageClassName());
        assertEquals(c.getMetadata().getUid(), pv.getSpec().getClaimRef().getUid());
        assertEquals(java.util.List.of("ReadWriteOnce"), pv.getSpec().getAccessModes());
        assertTrue(pv.getMetadata().getAnnotations().containsKey("pv.kubernetes.io/provisioned-by"));
        runUntil("ProvisioningSucceeded", () -> hasEvent("imm", "Normal", "ProvisioningSucceeded", pv.getMetadata()
                .getName()));
    }

    @Test
    void unknownStorageClassStaysPendingWithProvisioningFailed() {
        createClaim("nowhere", "gold", "1Gi");
        runUntil("ProvisioningFailed", () -> hasEvent("nowhere", "Warning", "ProvisioningFailed",
                "storageclass.storage.k8s.io \"gold\" not found"));
        assertEquals("Pending", phase("nowhere"));
        assertEquals("persistentvolume-controller", events("nowhere").get(0).getSource().getComponent());
    }

    @Test
    void waitForFirstConsumerBindsOnlyOnceAPodIsScheduled() {
        createClaim("late", "local-wffc", "1Gi");
        runUntil("WaitForFirstConsumer event", () -> hasEvent("late", "Normal", "WaitForFirstConsumer",
                "waiting for first consumer to be created before binding"));
        driver.advance(Duration.ofMillis(50), 6);
        assertEquals("Pending", phase("late"));
        client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("consumer").endMetadata().withNewSpec().addNewContainer().withName("main")
                        .withImage("nginx:1.27")
                .endContainer().addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("late")
                .endPersistentVolumeClaim().endVolume().endSpec().build()).create();
        runUntil("bound and pod ready", () -> "Bound".equals(phase("late")) && ready(pod("consumer")));
        String node = claim("late").getMetadata().getAnnotations().get("volume.kubernetes.io/selected-node");
        assertEquals(pod("consumer").getSpec().getNodeName(), node);
        assertEquals(node, volumeOf(claim("late")).getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms()
                .get(0)
                .getMatchExpressions().get(0).getValues().get(0));
    }

    @Test
    void podWithAnUnboundImmediateClaimIsUnschedulable() {
        createClaim("never", "gold", "1Gi");
        client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("waiting").endMetadata().withNewSpec().addNewContainer().withName("main")
                        .withImage("nginx:1.27")
                .endContainer().addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("never")
                .endPersistentVolumeClaim().endVolume().endSpec().build()).create();
        runUntil("Unschedulable", () -> PodConditions.get(pod("waiting"), "PodScheduled") != null);
        assertTrue(PodConditions.get(pod("waiting"), "PodScheduled").getMessage()
                .contains("pod has unbound immediate PersistentVolumeClaims"));
        assertNull(pod("waiting").getSpec().getNodeName());
    }

    @Test
    void deletedClaimsFreeTheirVolumesByReclaimPolicy() {
        createClaim("gone-delete", "standard", "1Gi");
        createClaim("gone-retain", "alicloud-nas", "1Gi");
        runUntil("both bound", () -> "Bound".equals(phase("gone-delete")) && "Bound".equals(phase("gone-retain")));
        String deletePv = volumeOf(claim("gone-delete")).getMetadata().getName();
        String retainPv = volumeOf(claim("gone-retain")).getMetadata().getName();
        client.persistentVolumeClaims().inNamespace("default").withName("gone-delete").delete();
        client.persistentVolumeClaims().inNamespace("default").withName("gone-retain").delete();
        runUntil("Delete policy: PV gone", () -> client.persistentVolumes().withName(deletePv).get() == null);
        runUntil("Retain policy: PV Released", () -> "Released".equals(client.persistentVolumes().withName(retainPv)
                .get()
                .getStatus().getPhase()));
        String oldUid = client.persistentVolumes().withName(retainPv).get().getSpec().getClaimRef().getUid();
        createClaim("gone-retain", "alicloud-nas", "1Gi");
        runUntil("re-created claim bound", () -> "Bound".equals(phase("gone-retain")));
        assertNotEquals(retainPv, volumeOf(claim("gone-retain")).getMetadata().getName(), "a new claim gets a new PV");
        assertNotEquals(oldUid, claim("gone-retain").getMetadata().getUid());
    }

    @Test
    void growingAClaimOnAnExpandableClassResizesIt() {
        createClaim("grow", "standard", "1Gi");
        runUntil("bound", () -> "Bound".equals(phase("grow")));
        String pv = volumeOf(claim("grow")).getMetadata().getName();
        client.persistentVolumeClaims().inNamespace("default").withName("grow")
                .edit(c -> new PersistentVolumeClaimBuilder(c).editSpec().editResources()
                        .addToRequests("storage", new Quantity("3Gi")).endResources().endSpec().build());
        runUntil("status capacity 3Gi", () -> new Quantity("3Gi").equals(claim("grow").getStatus().getCapacity()
                .get("storage")));
        assertEquals(new Quantity("3Gi"), client.persistentVolumes().withName(pv).get().getSpec().getCapacity()
                .get("storage"));
        assertTrue(claim("grow").getStatus().getConditions().isEmpty());
        runUntil("resize events", () -> hasEvent("grow", "Normal", "ExternalExpanding",
                "waiting for an external controller")
                && hasEvent("grow", "Normal", "FileSystemResizeSuccessful", pv));
    }

    @Test
    void statusesPatchedByHandAreLeftAlone() {
        createClaim("lost", "standard", "1Gi");
        runUntil("bound", () -> "Bound".equals(phase("lost")));
        String pv = volumeOf(claim("lost")).getMetadata().getName();
        client.persistentVolumeClaims().inNamespace("default").withName("lost").editStatus(c ->
                new PersistentVolumeClaimBuilder(c).editStatus().withPhase("Lost").endStatus().build());
        client.persistentVolumes().withName(pv).editStatus(v ->
                new io.fabric8.kubernetes.api.model.PersistentVolumeBuilder(v).editStatus().withPhase("Released")
                        .endStatus().build());
        driver.advance(Duration.ofMillis(50), 8);
        assertEquals("Lost", phase("lost"));
        assertEquals("Released", client.persistentVolumes().withName(pv).get().getStatus().getPhase());
    }
}
