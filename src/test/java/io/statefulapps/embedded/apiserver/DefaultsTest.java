package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultsTest extends ApiServerTestBase {

    @Test
    void statefulSetDefaults() {
        StatefulSet sts = client.apps().statefulSets().resource(statefulSet("defaults")).create();
        assertNotNull(sts.getMetadata().getUid());
        assertNotNull(sts.getMetadata().getCreationTimestamp());
        assertNotNull(sts.getMetadata().getResourceVersion());
        assertEquals(1L, sts.getMetadata().getGeneration());
        assertEquals("RollingUpdate", sts.getSpec().getUpdateStrategy().getType());
        assertEquals(0, sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
        assertEquals("OrderedReady", sts.getSpec().getPodManagementPolicy());
        assertEquals(10, sts.getSpec().getRevisionHistoryLimit());
        assertEquals("Retain", sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());
        assertEquals("Retain", sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled());
        var pod = sts.getSpec().getTemplate().getSpec();
        assertEquals("Always", pod.getRestartPolicy());
        assertEquals("ClusterFirst", pod.getDnsPolicy());
        assertEquals("default-scheduler", pod.getSchedulerName());
        assertEquals(30L, pod.getTerminationGracePeriodSeconds());
        assertEquals("Filesystem", sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getVolumeMode());
    }

    @Test
    void generationCountsSpecChangesOnly() {
        client.apps().statefulSets().resource(statefulSet("gen")).create();
        var sts = client.apps().statefulSets().withName("gen");
        sts.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}");
        assertEquals(1L, sts.get().getMetadata().getGeneration());
        sts.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");
        assertEquals(2L, sts.get().getMetadata().getGeneration());
        sts.patchStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(sts.get())
                .editOrNewStatus().withReplicas(4).endStatus().build());
        assertEquals(2L, sts.get().getMetadata().getGeneration());
    }

    @Test
    void serviceDefaultsAndAllocations() {
        Service svc = client.services().resource(service("svc-defaults")).create();
        assertEquals("ClusterIP", svc.getSpec().getType());
        assertEquals("None", svc.getSpec().getSessionAffinity());
        assertTrue(svc.getSpec().getClusterIP().startsWith("10."), svc.getSpec().getClusterIP());
        assertEquals(List.of(svc.getSpec().getClusterIP()), svc.getSpec().getClusterIPs());
        assertEquals(List.of("IPv4"), svc.getSpec().getIpFamilies());
        assertEquals("Cluster", svc.getSpec().getInternalTrafficPolicy());
        assertEquals(80, svc.getSpec().getPorts().get(0).getTargetPort().getIntVal());

        Service lb = service("svc-lb");
        lb.getSpec().setType("LoadBalancer");
        lb = client.services().resource(lb).create();
        int nodePort = lb.getSpec().getPorts().get(0).getNodePort();
        assertTrue(nodePort >= 30000 && nodePort <= 32767);
        assertNotEquals(svc.getSpec().getClusterIP(), lb.getSpec().getClusterIP());

        Service headless = service("svc-headless");
        headless.getSpec().setClusterIP("None");
        assertEquals("None", client.services().resource(headless).create().getSpec().getClusterIP());

        // an update that omits the allocated IP keeps it, as the real server does
        Service omitted = client.services().withName("svc-defaults").get();
        omitted.getSpec().setClusterIP(null);
        omitted.getSpec().setClusterIPs(null);
        assertEquals(svc.getSpec().getClusterIP(), client.services().resource(omitted).update().getSpec().getClusterIP());
    }

    @Test
    void pvcGetsTheDefaultStorageClassAndFilesystemMode() {
        PersistentVolumeClaim claim = pvc("claim", "1Gi", null);
        claim = client.persistentVolumeClaims().resource(claim).create();
        assertEquals("standard", claim.getSpec().getStorageClassName());
        assertEquals("Filesystem", claim.getSpec().getVolumeMode());
        assertEquals("Pending", claim.getStatus().getPhase());
    }

    @Test
    void seededNodesAndStorageClasses() {
        assertEquals(3, client.nodes().list().getItems().size());
        var node = client.nodes().withName("sim-node-2").get();
        assertEquals("8", node.getStatus().getCapacity().get("cpu").toString());
        assertEquals("32Gi", node.getStatus().getAllocatable().get("memory").toString());
        assertEquals("True", node.getStatus().getConditions().get(0).getStatus());
        var wffc = client.storage().v1().storageClasses().withName("local-wffc").get();
        assertEquals("WaitForFirstConsumer", wffc.getVolumeBindingMode());
        var nas = client.storage().v1().storageClasses().withName("alicloud-nas").get();
        assertEquals("Retain", nas.getReclaimPolicy());
        assertEquals(false, nas.getAllowVolumeExpansion());
        assertNotNull(client.namespaces().withName("kube-system").get());
    }
}
