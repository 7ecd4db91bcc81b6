package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduler and kubelet: a healthy pod's status, each image fault, and unschedulable requests. */
class KubeletFaultsTest extends SimulatorTestBase {

    private Pod createPod(String name, String image) {
        return client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage(image).endContainer()
                        .endSpec()
                .build()).create();
    }

    private ContainerStatus main(String pod) {
        Pod p = pod(pod);
        return p == null || p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty() ? null
                : p.getStatus().getContainerStatuses().get(0);
    }

    private String waitingReason(String pod) {
        ContainerStatus s = main(pod);
        return s == null || s.getState().getWaiting() == null ? null : s.getState().getWaiting().getReason();
    }

    @Test
    void healthyPodLooksLikeTheKubeletReportedIt() {
        createPod("healthy", "nginx:1.27");
        await("ready", () -> ready(pod("healthy")));
        Pod pod = pod("healthy");
        assertTrue(pod.getSpec().getNodeName().startsWith("sim-node-"));
        assertTrue(pod.getStatus().getPodIP().startsWith("10.244."), pod.getStatus().getPodIP());
        assertNotNull(pod.getStatus().getHostIP());
        assertNotNull(pod.getStatus().getStartTime());
        ContainerStatus s = pod.getStatus().getContainerStatuses().get(0);
        assertTrue(s.getReady());
        assertTrue(s.getStarted());
        assertTrue(s.getContainerID().startsWith("containerd://"));
        assertEquals("docker.io/library/nginx:1.27", s.getImage());
        assertTrue(s.getImageID().startsWith("docker.io/library/nginx@sha256:"), s.getImageID());
        assertNotNull(s.getState().getRunning().getStartedAt());
        for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
            PodCondition c = PodConditions.get(pod, type);
            assertEquals("True", c.getStatus(), type);
            assertNotNull(c.getLastTransitionTime(), type);
        }
        await("kubelet events", () -> hasEvent("healthy", "Normal", "Scheduled",
                "Successfully assigned default/healthy to")
                && hasEvent("healthy", "Normal", "Started", "Started container main"));
    }

    @Test
    void podIpsAreUnique() {
        for (int i = 0; i < 6; i++) {
            createPod("ip-" + i, "nginx:1.27");
        }
        await("all running", () -> java.util.stream.IntStream.range(0, 6).allMatch(i -> ready(pod("ip-" + i))));
        long distinct = java.util.stream.IntStream.range(0, 6).mapToObj(i -> pod("ip-" + i).getStatus().getPodIP())
                .distinct().count();
        assertEquals(6, distinct);
    }

    @Test
    void pullFailGoesFromErrImagePullToImagePullBackOff() {
        createPod("pull", "nginx:pullfail");
        await("ErrImagePull", () -> "ErrImagePull".equals(waitingReason("pull")));
        await("ImagePullBackOff", () -> "ImagePullBackOff".equals(waitingReason("pull")));
        assertEquals("Back-off pulling image \"nginx:pullfail\"", main("pull").getState().getWaiting().getMessage());
        assertEquals("Pending", pod("pull").getStatus().getPhase());
        await("events", () -> hasEvent("pull", "Warning", "Failed", "Failed to pull image \"nginx:pullfail\": ")
                && hasEvent("pull", "Normal", "BackOff", "Back-off pulling image \"nginx:pullfail\""));
    }

    @Test
    void crashLoopRestartsWithGrowingCountAndLastState() {
        createPod("crash", "app:crashloop");
        // The container flips between waiting and running: judge one status, read once.
        var seen = new java.util.concurrent.atomic.AtomicReference<ContainerStatus>();
        await("CrashLoopBackOff after restarts", Duration.ofSeconds(20), () -> {
            ContainerStatus now = main("crash");
            seen.set(now);
            return now != null && now.getState().getWaiting() != null
                    && "CrashLoopBackOff".equals(now.getState().getWaiting().getReason()) && now.getRestartCount() >= 2;
        });
        ContainerStatus s = seen.get();
        assertTrue(s.getState().getWaiting().getMessage().matches(
                "back-off \\d+m?s restarting failed container=main pod=crash_default\\(.+\\)"), s.getState()
                        .getWaiting().getMessage());
        assertEquals(1, s.getLastState().getTerminated().getExitCode());
        assertEquals("Error", s.getLastState().getTerminated().getReason());
        assertEquals("unrecoverable error: cannot reach storage backend: connect: connection refused",
                s.getLastState().getTerminated().getMessage(), "what the app left in its termination log");
        assertNotNull(s.getLastState().getTerminated().getFinishedAt());
        assertFalse(s.getReady());
        assertEquals("Running", pod("crash").getStatus().getPhase());
        await("BackOff event", () -> hasEvent("crash", "Warning", "BackOff",
                "Back-off restarting failed container main"));
        // repeats bump count on one Event, as client-go's recorder does
        var started = events("crash").stream().filter(e -> "Started".equals(e.getReason())).toList();
        assertEquals(1, started.size());
        assertTrue(started.get(0).getCount() >= 2, "count " + started.get(0).getCount());
        assertEquals("kubelet", started.get(0).getSource().getComponent());
        assertEquals("Pod", started.get(0).getInvolvedObject().getKind());
        assertEquals(pod("crash").getMetadata().getUid(), started.get(0).getInvolvedObject().getUid());
    }

    @Test
    void oomKillShowsOomKilledWithExitCode137() {
        createPod("oom", "app:oomkill");
        await("terminated OOMKilled", Duration.ofSeconds(20), () -> main("oom").getLastState().getTerminated() != null
                && "CrashLoopBackOff".equals(waitingReason("oom")));
        assertEquals("OOMKilled", main("oom").getLastState().getTerminated().getReason());
        assertEquals(137, main("oom").getLastState().getTerminated().getExitCode());
        assertEquals("Killed", main("oom").getLastState().getTerminated().getMessage());
    }

    @Test
    void notReadyRunsButNeverBecomesReady() {
        createPod("lazy", "app:notready");
        await("running", () -> "Running".equals(pod("lazy").getStatus().getPhase()));
        await("Unhealthy event", () -> hasEvent("lazy", "Warning", "Unhealthy", "Readiness probe failed: "));
        PodCondition readyCondition = PodConditions.get(pod("lazy"), "Ready");
        assertEquals("False", readyCondition.getStatus());
        assertEquals("ContainersNotReady", readyCondition.getReason());
        assertEquals("containers with unready status: [main]", readyCondition.getMessage());
        assertTrue(main("lazy").getStarted());
    }

    @Test
    void readinessProbeFailuresAreReportedInTheProbesWords() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("http-probe")
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("app:notready")
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8080))
                        .endHttpGet()
                .endReadinessProbe().endContainer().endSpec().build()).create();
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("tcp-probe")
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("redis:notready")
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(6379)).endTcpSocket()
                .endReadinessProbe().endContainer().endSpec().build()).create();
        await("Unhealthy events", () -> hasEvent("http-probe", "Warning", "Unhealthy", "Readiness probe failed")
                && hasEvent("tcp-probe", "Warning", "Unhealthy", "Readiness probe failed"));
        var http = events("http-probe").stream().filter(e -> "Unhealthy".equals(e.getReason())).findFirst()
                .orElseThrow();
        assertEquals("Readiness probe failed: HTTP probe failed with statuscode: 503", http.getMessage());
        assertEquals("spec.containers{main}", http.getInvolvedObject().getFieldPath());
        assertEquals("kubelet", http.getSource().getComponent());
        String ip = pod("tcp-probe").getStatus().getPodIP();
        assertTrue(hasEvent("tcp-probe", "Warning", "Unhealthy", "Readiness probe failed: dial tcp " + ip
                + ":6379: connect: connection refused"));
    }

    @Test
    void initContainersRunFirstAndCanFailToo() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("init-ok")
                .endMetadata()
                .withNewSpec().addNewInitContainer().withName("setup").withImage("busybox:1.36").endInitContainer()
                .addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec().build()).create();
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("init-bad")
                .endMetadata()
                .withNewSpec().addNewInitContainer().withName("setup").withImage("busybox:pullfail").endInitContainer()
                .addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec().build()).create();
        await("init-ok ready", () -> ready(pod("init-ok")));
        var init = pod("init-ok").getStatus().getInitContainerStatuses().get(0);
        assertEquals("Completed", init.getState().getTerminated().getReason());
        assertEquals(0, init.getState().getTerminated().getExitCode());
        await("init-bad stuck in init", () -> {
            var s = pod("init-bad").getStatus().getInitContainerStatuses();
            return !s.isEmpty() && s.get(0).getState().getWaiting() != null
                    && "ImagePullBackOff".equals(s.get(0).getState().getWaiting().getReason());
        });
        Pod bad = pod("init-bad");
        assertEquals("Pending", bad.getStatus().getPhase());
        assertEquals("PodInitializing", bad.getStatus().getContainerStatuses().get(0).getState().getWaiting()
                .getReason());
        assertEquals("ContainersNotInitialized", PodConditions.get(bad, "Initialized").getReason());
    }

    @Test
    void requestsNoNodeCanHoldStayPendingUnschedulable() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("huge").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").withNewResources()
                .addToRequests("cpu", new Quantity("64")).endResources().endContainer().endSpec().build()).create();
        await("Unschedulable", () -> {
            PodCondition c = PodConditions.get(pod("huge"), "PodScheduled");
            return c != null && "Unschedulable".equals(c.getReason());
        });
        Pod pod = pod("huge");
        assertEquals("0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption"
                + " victims found for incoming pod.", PodConditions.get(pod, "PodScheduled").getMessage());
        assertEquals("False", PodConditions.get(pod, "PodScheduled").getStatus());
        assertEquals("Pending", pod.getStatus().getPhase());
        assertNull(pod.getSpec().getNodeName());
        await("FailedScheduling event", () -> events("huge").stream()
                .anyMatch(e -> "FailedScheduling".equals(e.getReason())
                && "Warning".equals(e.getType()) && "default-scheduler".equals(e.getSource().getComponent())));
    }

    @Test
    void nodeSelectorThatMatchesNothingIsUnschedulableWithTheSchedulersWording() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("picky").endMetadata()
                .withNewSpec().addToNodeSelector("disktype", "ssd").addNewContainer().withName("main")
                        .withImage("nginx:1.27")
                .endContainer().endSpec().build()).create();
        await("Unschedulable", () -> PodConditions.get(pod("picky"), "PodScheduled") != null);
        assertEquals("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
                + " preemption: 0/3 nodes"
                + " are available: 3 Preemption is not helpful for scheduling.",
                PodConditions.get(pod("picky"), "PodScheduled").getMessage());
    }
}
