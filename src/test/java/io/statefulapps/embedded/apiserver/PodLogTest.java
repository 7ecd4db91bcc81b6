package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pods/log with statuses written by hand through /status: the kubelet's refusals and the simulated text. */
class PodLogTest extends ApiServerTestBase {

    private static final String T0 = "2026-01-01T10:00:00Z";
    private static final String T1 = "2026-01-01T10:00:05Z";

    /** A bound pod with one container "main" listening on 8080, and the given status. */
    private Pod podWith(String name, String image, ContainerStatus status) {
        Pod pod = client.pods().resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName("sim-node-1").addNewContainer().withName("main").withImage(image)
                .addNewPort().withName("http").withContainerPort(8080).endPort().endContainer().endSpec().build()).create();
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                .withContainerStatuses(status).build());
        return client.pods().resource(pod).updateStatus();
    }

    private static ContainerStatusBuilder main() {
        return new ContainerStatusBuilder().withName("main").withImage("app").withImageID("").withRestartCount(0);
    }

    /** Fabric8's getLog(boolean) is about pretty printing; the previous run is terminated(). */
    private String log(String pod, boolean previous) {
        var container = client.pods().withName(pod).inContainer("main");
        return previous ? container.terminated().getLog() : container.getLog();
    }

    private KubernetesClientException refused(String pod, boolean previous) {
        return assertThrows(KubernetesClientException.class, () -> log(pod, previous));
    }

    @Test
    void runningContainerLogsItsStartAndPorts() throws Exception {
        podWith("web", "nginx:1.27", main().withReady(true).withNewState().withNewRunning().withStartedAt(T0)
                .endRunning().endState().build());
        String log = client.pods().withName("web").getLog();
        assertTrue(log.contains("starting nginx 1.27 (image nginx:1.27) as container main in pod default/web"), log);
        assertTrue(log.contains("listening on 0.0.0.0:8080/tcp (http)"), log);
        assertTrue(log.contains("ready to accept connections"), log);
        assertEquals(log, client.pods().withName("web").getLog(), "deterministic");

        HttpResponse<String> r = http("GET", "/api/v1/namespaces/default/pods/web/log?timestamps=true&tailLines=1",
                null, null);
        assertEquals(200, r.statusCode());
        assertEquals("text/plain", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, r.body().lines().count(), r.body());
        assertTrue(r.body().matches("2026-01-01T10:00:00\\.\\d{1,9}Z INFO .*\\n"), r.body());
        assertEquals("", http("GET", "/api/v1/namespaces/default/pods/web/log?tailLines=0", null, null).body());
        assertEquals("INFO ", http("GET", "/api/v1/namespaces/default/pods/web/log?limitBytes=5", null, null).body());
    }

    @Test
    void crashedRunIsThePreviousLogAndTheCurrentOneWhileBackingOff() {
        podWith("crash", "app:crashloop", main().withReady(false).withRestartCount(3).withNewState().withNewWaiting()
                .withReason("CrashLoopBackOff").endWaiting().endState().withNewLastState().withNewTerminated().withExitCode(1)
                .withReason("Error").withStartedAt(T0).withFinishedAt(T1).withContainerID("containerd://1").endTerminated()
                .endLastState().build());
        String previous = log("crash", true);
        assertTrue(previous.contains("starting app crashloop"), previous);
        assertTrue(previous.contains("ERROR unrecoverable error"), previous);
        assertTrue(previous.endsWith("ERROR exiting with code 1\n"), previous);
        // in CrashLoopBackOff the kubelet shows the last run without --previous too
        assertEquals(previous, log("crash", false));
        assertEquals(previous, client.pods().withName("crash").inContainer("main").getLog(true));
    }

    @Test
    void oomKilledRunLogsMemoryAndTheKill() {
        podWith("oom", "app:oomkill", main().withReady(false).withRestartCount(1).withNewState().withNewRunning()
                .withStartedAt(T1).endRunning().endState().withNewLastState().withNewTerminated().withExitCode(137)
                .withReason("OOMKilled").withStartedAt(T0).withFinishedAt(T1).endTerminated().endLastState().build());
        String previous = log("oom", true);
        assertTrue(previous.contains("memory usage climbing"), previous);
        assertTrue(previous.endsWith("Killed\n"), previous);
        String current = log("oom", false);
        assertTrue(current.contains("starting app oomkill") && !current.contains("Killed"), current);
    }

    @Test
    void unreadyContainerLogsItsReadinessEndpointFailing() {
        podWith("lazy", "app:notready", main().withReady(false).withStarted(true).withNewState().withNewRunning()
                .withStartedAt(T0).endRunning().endState().build());
        String log = log("lazy", false);
        assertTrue(log.contains("WARN  readiness check failed: storage backend not available yet"), log);
        assertTrue(!log.contains("ready to accept"), log);
    }

    @Test
    void refusalsAreTheKubeletsAndTheApiServers() throws Exception {
        podWith("creating", "app", main().withReady(false).withNewState().withNewWaiting().withReason("ContainerCreating")
                .endWaiting().endState().build());
        podWith("pull", "app:pullfail", main().withReady(false).withNewState().withNewWaiting()
                .withReason("ImagePullBackOff").endWaiting().endState().build());
        KubernetesClientException creating = refused("creating", false);
        assertEquals(400, creating.getCode());
        assertEquals("container \"main\" in pod \"creating\" is waiting to start: ContainerCreating",
                creating.getStatus().getMessage());
        assertEquals("container \"main\" in pod \"pull\" is waiting to start: trying and failing to pull image",
                refused("pull", false).getStatus().getMessage());
        assertEquals("previous terminated container \"main\" in pod \"creating\" not found",
                refused("creating", true).getStatus().getMessage());
        assertEquals(404, assertThrows(KubernetesClientException.class,
                () -> client.pods().withName("nope").getLog()).getCode());

        client.pods().resource(new PodBuilder().withNewMetadata().withName("multi").endMetadata().withNewSpec()
                .addNewInitContainer().withName("setup").withImage("busybox").endInitContainer()
                .addNewContainer().withName("main").withImage("app").endContainer()
                .addNewContainer().withName("sidecar").withImage("proxy").endContainer().endSpec().build()).create();
        JsonNode status = JsonText.parse(http("GET", "/api/v1/namespaces/default/pods/multi/log", null, null).body());
        assertEquals(400, status.path("code").asInt());
        assertEquals("BadRequest", status.path("reason").asText());
        assertEquals("a container name must be specified for pod multi, choose one of: [setup main sidecar]",
                status.path("message").asText());
        assertEquals("container nope is not valid for pod multi", JsonText.parse(http("GET",
                "/api/v1/namespaces/default/pods/multi/log?container=nope", null, null).body()).path("message").asText());
        // not scheduled: the API server has no kubelet to ask and streams nothing
        assertEquals("", client.pods().withName("multi").inContainer("main").getLog());

        HttpResponse<String> invalid = http("GET", "/api/v1/namespaces/default/pods/multi/log?container=main&tailLines=-1",
                null, null);
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("tailLines: Invalid value: -1: must be greater than or equal to 0"),
                invalid.body());
        assertEquals(405, http("POST", "/api/v1/namespaces/default/pods/multi/log", "application/json", "{}")
                .statusCode());
    }

    @Test
    void discoveryListsPodsLog() throws Exception {
        JsonNode doc = JsonText.parse(http("GET", "/api/v1", null, null).body());
        List<JsonNode> log = new java.util.ArrayList<>();
        doc.path("resources").forEach(r -> {
            if (r.path("name").asText().equals("pods/log")) {
                log.add(r);
            }
        });
        assertEquals(1, log.size());
        assertEquals("[\"get\"]", log.get(0).path("verbs").toString());
        assertEquals("Pod", log.get(0).path("kind").asText());
    }
}
