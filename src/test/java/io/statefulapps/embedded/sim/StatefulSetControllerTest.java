package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatefulSetControllerTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void podsCarryNamesLabelsHostnameSubdomainOwnerAndClaims() {
        StatefulSet sts = create(statefulSet("web", 2, "nginx:1.27"));
        runUntil("2 ready pods", () -> ready(pod("web-0")) && ready(pod("web-1")));
        Pod pod = pod("web-1");
        Map<String, String> labels = pod.getMetadata().getLabels();
        assertEquals("web", labels.get("app"));
        assertEquals("db", labels.get("tier"));
        assertEquals("web-1", labels.get("statefulset.kubernetes.io/pod-name"));
        assertEquals("1", labels.get("apps.kubernetes.io/pod-index"));
        String revision = labels.get("controller-revision-hash");
        assertTrue(revision.startsWith("web-"), revision);
        assertNotNull(client.apps().controllerRevisions().inNamespace("default").withName(revision).get());
        assertEquals("web-1", pod.getSpec().getHostname());
        assertEquals("web-headless", pod.getSpec().getSubdomain());
        OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
        assertEquals("StatefulSet", owner.getKind());
        assertEquals(sts.getMetadata().getUid(), owner.getUid());
        assertTrue(owner.getController());
        assertTrue(owner.getBlockOwnerDeletion());
        assertEquals("data-web-1", pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("data"))
                .findFirst().orElseThrow().getPersistentVolumeClaim().getClaimName());

        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace("default").withName("data-web-1")
                .get();
        assertEquals("Bound", claim.getStatus().getPhase());
        assertEquals("web", claim.getMetadata().getLabels().get("app"));
        assertTrue(claim.getMetadata().getOwnerReferences().isEmpty(), "Retain: the claim outlives the set");
        PersistentVolume pv = client.persistentVolumes().withName("pvc-" + claim.getMetadata().getUid()).get();
        assertEquals("Bound", pv.getStatus().getPhase());
    }

    @Test
    void orderedReadyCreatesOneAtATimeParallelAllAtOnce() {
        create(statefulSet("ordered", 3, "nginx:1.27"));
        create(statefulSet("parallel", 3, "nginx:1.27").editSpec().withPodManagementPolicy("Parallel").endSpec());
        List<String> seen = new ArrayList<>();
        runUntil("ordered set complete", () -> {
            boolean zeroReady = ready(pod("ordered-0"));
            boolean oneExists = pod("ordered-1") != null;
            if (oneExists && !seen.contains("1") && !zeroReady) {
                seen.add("violation: ordered-1 before ordered-0 ready");
            }
            if (oneExists) {
                seen.add("1");
            }
            return ready(pod("ordered-2"));
        });
        assertFalse(seen.stream().anyMatch(s -> s.startsWith("violation")), seen.toString());
        runUntil("parallel pods exist together", () -> pod("parallel-0") != null && pod("parallel-2") != null);
    }

    @Test
    void orderedReadyWaitsForReadinessBeforeTheNextOrdinal() {
        create(statefulSet("stuck", 2, "app:notready"));
        runUntil("stuck-0 running", () -> pod("stuck-0") != null && "Running".equals(pod("stuck-0").getStatus()
                .getPhase()));
        driver.advance(Duration.ofMillis(50), 10);
        assertNull(pod("stuck-1"), "OrderedReady must not create ordinal 1 while 0 is not Ready");
    }

    @Test
    void scaleDownKeepsClaimsUnderRetainAndDeletesThemUnderDelete() {
        create(statefulSet("keep", 2, "nginx:1.27"));
        create(statefulSet("drop", 2, "nginx:1.27").editSpec().withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenScaled("Delete").withWhenDeleted("Delete").endPersistentVolumeClaimRetentionPolicy()
                        .endSpec());
        runUntil("both sets ready", () -> ready(pod("keep-1")) && ready(pod("drop-1")));
        client.apps().statefulSets().inNamespace("default").withName("keep").scale(1);
        client.apps().statefulSets().inNamespace("default").withName("drop").scale(1);
        runUntil("pods of ordinal 1 gone", () -> pod("keep-1") == null && pod("drop-1") == null);
        runUntil("drop's claim deleted", () -> client.persistentVolumeClaims().inNamespace("default")
                .withName("data-drop-1").get() == null);
        assertNotNull(client.persistentVolumeClaims().inNamespace("default").withName("data-keep-1").get());
        assertEquals("StatefulSet", client.persistentVolumeClaims().inNamespace("default").withName("data-drop-0").get()
                .getMetadata().getOwnerReferences().get(0).getKind());
        runUntil("status replicas 1", () -> sts("keep").getStatus().getReplicas() == 1 && sts("keep").getStatus()
                .getReadyReplicas() == 1);
    }

    @Test
    void rollingUpdateGoesFromTheHighestOrdinalAndHonoursPartition() {
        create(statefulSet("roll", 3, "nginx:1.27").editSpec().editOrNewUpdateStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withPartition(1).endRollingUpdate().endUpdateStrategy().endSpec());
        runUntil("3 ready", () -> ready(pod("roll-2")) && sts("roll").getStatus().getReadyReplicas() == 3);
        String oldRevision = sts("roll").getStatus().getCurrentRevision();
        client.apps().statefulSets().inNamespace("default").withName("roll")
                .edit(s -> { s.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .setImage("nginx:1.28"); return s; });
        runUntil("ordinals 1 and 2 updated", () -> {
            StatefulSet s = sts("roll");
            return s.getStatus().getUpdatedReplicas() == 2 && s.getStatus().getReadyReplicas() == 3;
        });
        StatefulSet s = sts("roll");
        String newRevision = s.getStatus().getUpdateRevision();
        assertFalse(newRevision.equals(oldRevision));
        assertEquals(oldRevision, s.getStatus().getCurrentRevision(), "partitioned rollout: current stays");
        assertEquals(1, s.getStatus().getCurrentReplicas());
        assertEquals(oldRevision, pod("roll-0").getMetadata().getLabels().get("controller-revision-hash"));
        assertEquals("nginx:1.27", pod("roll-0").getSpec().getContainers().get(0).getImage());
        assertEquals(newRevision, pod("roll-2").getMetadata().getLabels().get("controller-revision-hash"));
        assertEquals("nginx:1.28", pod("roll-1").getSpec().getContainers().get(0).getImage());
        assertTrue(pod("roll-2").getMetadata().getCreationTimestamp()
                .compareTo(pod("roll-1").getMetadata().getCreationTimestamp()) <= 0, "highest ordinal first");

        client.apps().statefulSets().inNamespace("default").withName("roll")
                .edit(x -> { x.getSpec().getUpdateStrategy().getRollingUpdate().setPartition(0); return x; });
        runUntil("rollout complete", () -> {
            StatefulSet done = sts("roll");
            return newRevision.equals(done.getStatus().getCurrentRevision()) && done.getStatus()
                    .getCurrentReplicas() == 3
                    && done.getStatus().getUpdatedReplicas() == 3 && done.getStatus().getReadyReplicas() == 3;
        });
        StatefulSet done = sts("roll");
        assertEquals(done.getMetadata().getGeneration(), done.getStatus().getObservedGeneration());
        assertEquals(3, done.getStatus().getAvailableReplicas());
        assertEquals(0, done.getStatus().getCollisionCount());
    }

    @Test
    void deletedPodComesBackUnderTheSameName() {
        create(statefulSet("phoenix", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("phoenix-0")));
        String uid = pod("phoenix-0").getMetadata().getUid();
        client.pods().inNamespace("default").withName("phoenix-0").delete();
        runUntil("recreated", () -> java.util.Optional.ofNullable(pod("phoenix-0")).map(p -> !uid.equals(p.getMetadata().getUid())).orElse(false)
                && ready(pod("phoenix-0")));
        assertEquals("data-phoenix-0", pod("phoenix-0").getSpec().getVolumes().get(0).getPersistentVolumeClaim()
                .getClaimName());
    }

    @Test
    void onDeleteReplacesOnlyPodsSomeoneDeleted() {
        create(statefulSet("manual", 2, "nginx:1.27").editSpec().withNewUpdateStrategy().withType("OnDelete")
                .endUpdateStrategy().endSpec());
        runUntil("2 ready", () -> ready(pod("manual-0")) && ready(pod("manual-1")));
        String oldRevision = pod("manual-1").getMetadata().getLabels().get("controller-revision-hash");
        client.apps().statefulSets().inNamespace("default").withName("manual")
                .edit(s -> { s.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .setImage("nginx:1.28"); return s; });
        runUntil("updateRevision moved", () -> !oldRevision.equals(sts("manual").getStatus().getUpdateRevision()));
        driver.advance(Duration.ofMillis(50), 8);
        assertEquals(oldRevision, pod("manual-1").getMetadata().getLabels().get("controller-revision-hash"),
                "OnDelete: no pod replaced by the controller");
        client.pods().inNamespace("default").withName("manual-1").delete();
        runUntil("manual-1 back on the new revision", () -> {
            // one read: the pod may go between two
            var back = pod("manual-1");
            return back != null && "nginx:1.28".equals(back.getSpec().getContainers().get(0).getImage()) && ready(back);
        });
        runUntil("status counts", () -> sts("manual").getStatus().getUpdatedReplicas() == 1);
        assertEquals("nginx:1.27", pod("manual-0").getSpec().getContainers().get(0).getImage());
    }

    @Test
    void failedPodIsDeletedAndRecreated() {
        create(statefulSet("fragile", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("fragile-0")));
        Pod pod = pod("fragile-0");
        String uid = pod.getMetadata().getUid();
        client.pods().inNamespace("default").withName("fragile-0")
                .editStatus(p -> new io.fabric8.kubernetes.api.model.PodBuilder(p).editStatus().withPhase("Failed")
                        .endStatus().build());
        runUntil("recreated", () -> java.util.Optional.ofNullable(pod("fragile-0")).map(p -> !uid.equals(p.getMetadata().getUid())).orElse(false));
    }

    @Test
    void aNewSetWithTheSameNameReusesTheRetainedClaims() {
        create(statefulSet("again", 1, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("again-0")));
        String claimUid = client.persistentVolumeClaims().inNamespace("default").withName("data-again-0").get()
                .getMetadata().getUid();
        client.apps().statefulSets().inNamespace("default").withName("again").delete();
        runUntil("pods garbage-collected", () -> sts("again") == null && pod("again-0") == null);
        create(statefulSet("again", 1, "nginx:1.27"));
        runUntil("ready again", () -> ready(pod("again-0")));
        assertEquals(claimUid, client.persistentVolumeClaims().inNamespace("default").withName("data-again-0").get()
                .getMetadata().getUid(), "the retained claim (and its data) is used again");
    }

    @Test
    void eventsTellWhatTheControllerDid() {
        StatefulSet told = create(statefulSet("told", 1, "nginx:1.27"));
        runUntil("events", () -> hasEvent("told", "Normal", "SuccessfulCreate",
                "create Pod told-0 in StatefulSet told successful")
                && hasEvent("told", "Normal", "SuccessfulCreate",
                        "create Claim data-told-0 Pod told-0 in StatefulSet told success"));
        assertEquals("statefulset-controller", events("told").get(0).getSource().getComponent());
        for (Event e : events("told")) {
            // as the real recorder names its object: matched by kind and uid, not by name alone
            assertEquals(told.getMetadata().getUid(), e.getInvolvedObject().getUid(), e.getMessage());
            assertEquals("StatefulSet", e.getInvolvedObject().getKind());
            assertEquals("apps/v1", e.getInvolvedObject().getApiVersion());
            assertEquals("default", e.getInvolvedObject().getNamespace());
            assertEquals(1, e.getCount());
            assertNotNull(e.getFirstTimestamp());
            assertEquals(e.getFirstTimestamp(), e.getLastTimestamp());
        }
    }

    @Test
    void aPodTheApiServerRefusesIsReportedAsFailedCreateAndRetried() {
        // a 63-character set name makes a 65-character pod-name label: the API server refuses the pod
        String name = "refused-" + "x".repeat(55);
        StatefulSet sts = create(statefulSet(name, 1, "nginx:1.27").editSpec().withVolumeClaimTemplates().endSpec());
        runUntil("FailedCreate", () -> hasEvent(name, "Warning", "FailedCreate", ""));
        Event failed = events(name).stream().filter(e -> "FailedCreate".equals(e.getReason())).findFirst()
                .orElseThrow();
        String prefix = "create Pod " + name + "-0 in StatefulSet " + name + " failed error: ";
        assertTrue(failed.getMessage().startsWith(prefix), failed.getMessage());
        assertTrue(failed.getMessage().substring(prefix.length()).startsWith("Pod \"" + name + "-0\" is invalid: "),
                "the API server's own message: " + failed.getMessage());
        assertTrue(failed.getMessage().contains("must be no more than 63 characters"), failed.getMessage());
        assertEquals(sts.getMetadata().getUid(), failed.getInvolvedObject().getUid());
        assertEquals("statefulset-controller", failed.getSource().getComponent());

        driver.advance(Duration.ofMillis(250), 16); // four seconds: retries after 0.5, 1 and 2 seconds
        Event again = events(name).stream().filter(e -> "FailedCreate".equals(e.getReason())).findFirst().orElseThrow();
        assertTrue(again.getCount() >= 3 && again.getCount() <= 5, "retried with back-off: count " + again.getCount());
        assertEquals(1, events(name).stream().filter(e -> "FailedCreate".equals(e.getReason())).count(),
                "repeats are counted on one Event");
        assertNull(pod(name + "-0"));
        assertEquals(0, sts(name).getStatus().getReplicas());
    }

    @Test
    void aSetCreatedAgainAdoptsThePodsOrphanedByTheOldOne() {
        create(statefulSet("adopt", 2, "nginx:1.27"));
        runUntil("2 ready pods", () -> ready(pod("adopt-0")) && ready(pod("adopt-1")));
        String uid0 = pod("adopt-0").getMetadata().getUid();
        String uid1 = pod("adopt-1").getMetadata().getUid();
        client.apps().statefulSets().inNamespace("default").withName("adopt")
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.ORPHAN).delete();
        runUntil("old set gone, pods orphaned", () -> sts("adopt") == null
                && pod("adopt-0").getMetadata().getOwnerReferences().isEmpty());
        // the deleted set, still in the controller's cache, does not take its pods back
        driver.advance(Duration.ofMillis(50), 20);
        assertEquals(List.of(), pod("adopt-0").getMetadata().getOwnerReferences());
        assertEquals(List.of(), pod("adopt-1").getMetadata().getOwnerReferences());

        StatefulSet again = create(statefulSet("adopt", 2, "nginx:1.27"));
        runUntil("pods adopted", () -> ControllerReferences.isControlledBy(pod("adopt-0"), again)
                && ControllerReferences.isControlledBy(pod("adopt-1"), again));
        runUntil("ready again", () -> sts("adopt").getStatus() != null
                && Integer.valueOf(2).equals(sts("adopt").getStatus().getReadyReplicas()));
        assertEquals(uid0, pod("adopt-0").getMetadata().getUid(), "the same pod, not a new one");
        assertEquals(uid1, pod("adopt-1").getMetadata().getUid());
    }

    @Test
    void aPodNameTakenByAStrangerIsTriedAgainUntilItIsFree() {
        // a pod the set does not select holds the name its pod 0 needs: the create answers 409
        client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("taken-0").addToLabels("app", "stranger").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec()
                .build()).create();
        StatefulSet sts = create(statefulSet("taken", 1, "nginx:1.27"));
        runUntil("the claim made, so pod 0's create tried", () -> client.persistentVolumeClaims()
                .inNamespace("default").withName("data-taken-0").get() != null);
        client.pods().inNamespace("default").withName("taken-0").withGracePeriod(0).delete();
        // the refused create left nothing awaited: the set's next look creates its pod (not after 5 minutes)
        runUntil("pod 0 the set's own and ready", () -> ready(pod("taken-0"))
                && ControllerReferences.isControlledBy(pod("taken-0"), sts));
    }
}
