package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps a pod from starting before its containers: a volume that does not mount, a sandbox
 * that cannot be made, scheduling gates; and the kubelet's word on missing image pull secrets.
 */
class PodStartFaultsTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    private List<Event> warnings(String pod, String reason) {
        return events(pod).stream().filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason())).toList();
    }

    private static String waitingReason(Pod pod) {
        ContainerStatus s = pod.getStatus().getContainerStatuses().get(0);
        return s.getState().getWaiting() == null ? null : s.getState().getWaiting().getReason();
    }

    @Test
    void aMountfailVolumeBindsButThePodNeverMounts() {
        assertNotNull(client.storage().v1().storageClasses().withName(StorageClasses.MOUNT_FAIL).get(),
                "the class exists: seeded, or created by the simulator where the seed lacks it");
        create(statefulSet("nomount", 1, "nginx:1.27").editSpec().editFirstVolumeClaimTemplate().editSpec()
                .withStorageClassName(StorageClasses.MOUNT_FAIL).endSpec().endVolumeClaimTemplate().endSpec());
        runUntil("claim bound, pod on a node", () -> pod("nomount-0") != null && pod("nomount-0").getSpec()
                .getNodeName()
                != null && "Bound".equals(claim("data-nomount-0").getStatus().getPhase()));
        PersistentVolumeClaim claim = claim("data-nomount-0");
        String volume = claim.getSpec().getVolumeName();
        assertEquals("Bound", client.persistentVolumes().withName(volume).get().getStatus().getPhase());

        driver.advance(Duration.ofMillis(100), 5);
        Pod pod = pod("nomount-0");
        assertEquals("Pending", pod.getStatus().getPhase());
        assertEquals("ContainerCreating", waitingReason(pod));
        assertNull(pod.getStatus().getPodIP());
        List<Event> failed = warnings("nomount-0", "FailedMount");
        assertEquals(1, failed.size(), failed.toString());
        assertEquals("MountVolume.SetUp failed for volume \"" + volume + "\" : rpc error: code = Internal desc = mount"
                + " failed: exit status 32: mount.nfs: Connection timed out", failed.get(0).getMessage());
        assertEquals("kubelet", failed.get(0).getSource().getComponent());

        driver.advance(Duration.ofMillis(100), 6); // past the one-second mount timeout
        assertTrue(hasEvent("nomount-0", "Warning", "FailedMount", "Unable to attach or mount volumes: unmounted"
                + " volumes=[data], unattached volumes=[data]: timed out waiting for the condition"));
        Event setUp = warnings("nomount-0", "FailedMount").stream()
                .filter(e -> e.getMessage().startsWith("MountVolume.SetUp")).findFirst().orElseThrow();
        assertTrue(setUp.getCount() >= 2, "the kubelet keeps trying: count " + setUp.getCount());
        assertEquals("ContainerCreating", waitingReason(pod("nomount-0")));
    }

    @Test
    void aSandboxThatCannotBeMadeKeepsThePodContainerCreating() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("nosandbox")
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("app:sandboxfail")
                .endContainer().endSpec().build()).create();
        runUntil("FailedCreatePodSandBox", () -> !warnings("nosandbox", "FailedCreatePodSandBox").isEmpty());
        Event first = warnings("nosandbox", "FailedCreatePodSandBox").get(0);
        assertTrue(first.getMessage().startsWith("Failed to create pod sandbox: rpc error: code = Unknown desc = failed"
                + " to setup network for sandbox \""), first.getMessage());
        driver.advance(Duration.ofMillis(100), 12);
        Pod pod = pod("nosandbox");
        assertEquals("Pending", pod.getStatus().getPhase());
        assertEquals("ContainerCreating", waitingReason(pod));
        assertNull(pod.getStatus().getPodIP());
        assertEquals("False", PodConditions.get(pod, "PodReadyToStartContainers").getStatus());
        assertTrue(warnings("nosandbox", "FailedCreatePodSandBox").get(0).getCount() >= 2, "retried with back-off");
    }

    @Test
    void missingImagePullSecretsAreNamedAndThePullGoesOnByImage() {
        client.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName("present")
                .endMetadata().withType("kubernetes.io/dockerconfigjson")
                .addToStringData(".dockerconfigjson", "{\"auths\":{}}").build()).create();
        for (String[] pod : new String[][] {{"secretless", "regcred"}, {"secretful", "present"}}) {
            client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(pod[0])
                    .endMetadata().withNewSpec().addNewImagePullSecret(pod[1]).addNewContainer().withName("main")
                    .withImage("nginx:1.27").endContainer().endSpec().build()).create();
        }
        runUntil("both ready", () -> ready(pod("secretless")) && ready(pod("secretful")));
        List<Event> missing = warnings("secretless", "FailedToRetrieveImagePullSecret");
        assertEquals(1, missing.size(), missing.toString());
        assertEquals("Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not"
                + " succeed.", missing.get(0).getMessage());
        assertTrue(warnings("secretful", "FailedToRetrieveImagePullSecret").isEmpty());
    }

    @Test
    void schedulingGatesHoldAPodUntilTheyAreRemoved() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("gated").endMetadata()
                .withNewSpec().addNewSchedulingGate("example.com/quota").addNewContainer().withName("main")
                .withImage("nginx:1.27").endContainer().endSpec().build()).create();
        driver.advance(Duration.ofMillis(100), 5);
        Pod pod = pod("gated");
        PodCondition scheduled = PodConditions.get(pod, "PodScheduled");
        assertEquals("False", scheduled.getStatus());
        assertEquals("SchedulingGated", scheduled.getReason());
        assertEquals("Scheduling is blocked due to non-empty scheduling gates", scheduled.getMessage());
        assertEquals("Pending", pod.getStatus().getPhase());
        assertNull(pod.getSpec().getNodeName());
        assertFalse(hasEvent("gated", "Warning", "FailedScheduling", ""), "a gated pod is not a scheduling failure");

        client.pods().inNamespace("default").withName("gated").edit(p -> new PodBuilder(p).editSpec()
                .withSchedulingGates(List.of()).endSpec().build());
        runUntil("scheduled and ready", () -> ready(pod("gated")));
        assertNotNull(pod("gated").getSpec().getNodeName());
    }

    private PersistentVolumeClaim claim(String name) {
        return client.persistentVolumeClaims().inNamespace("default").withName(name).get();
    }
}
