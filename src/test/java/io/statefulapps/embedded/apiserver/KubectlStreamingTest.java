package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming commands people type, with the real kubectl: each starts, the test waits until the
 * server has its watch (or log) request in the audit log, then changes what the command waits for.
 */
class KubectlStreamingTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    private CompletableFuture<KubectlRunner.Result> start(String... args) {
        KubectlRunner runner = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the server has answered a request of this verb on this resource (and subresource). */
    private void awaitRequest(long after, String verb, String resource, String subresource) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.audit().records(r -> r.sequence() > after
                && verb.equals(r.verb()) && resource.equals(r.resource())
                && java.util.Objects.equals(subresource, r.subresource())).isEmpty());
    }

    private static KubectlRunner.Result finish(CompletableFuture<KubectlRunner.Result> run) throws Exception {
        return run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void getPodsWatchPrintsAPodCreatedAfterTheWatchBegan() throws Exception {
        long before = api.audit().lastSequence();
        var run = start("get", "pods", "-w", "-l", "app=watched", "--request-timeout=5s");
        awaitRequest(before, "watch", "pods", null);
        Pod p = pod("born-later");
        p.getMetadata().getLabels().put("app", "watched");
        client.pods().resource(p).create();
        KubectlRunner.Result result = finish(run);
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("born-later") && result.out().contains("Pending"), result.out());
    }

    @Test
    void rolloutStatusReturnsWhenTheRolloutCompletes() throws Exception {
        StatefulSet sts = client.apps().statefulSets().resource(statefulSet("rolling")).create();
        long before = api.audit().lastSequence();
        var run = start("rollout", "status", "sts/rolling", "--timeout=50s");
        awaitRequest(before, "watch", "statefulsets", null);
        sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata().getGeneration())
                .withReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).withCurrentReplicas(2)
                .withUpdatedReplicas(2).withCurrentRevision("rolling-1").withUpdateRevision("rolling-1").build());
        client.apps().statefulSets().resource(sts).updateStatus();
        KubectlRunner.Result result = finish(run);
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("roll out complete"), result.out());
    }

    @Test
    void waitForReadyReturnsWhenThePodIsReady() throws Exception {
        client.pods().resource(pod("waited-0")).create();
        long before = api.audit().lastSequence();
        var run = start("wait", "--for=condition=Ready", "pod/waited-0", "--timeout=50s");
        awaitRequest(before, "watch", "pods", null);
        Pod pod = client.pods().withName("waited-0").get();
        pod.setStatus(new PodStatusBuilder().withPhase("Running").withConditions(new PodConditionBuilder()
                .withType("Ready").withStatus("True").build()).build());
        client.pods().resource(pod).updateStatus();
        KubectlRunner.Result result = finish(run);
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("pod/waited-0 condition met"), result.out());
    }

    @Test
    void logsFollowKeepsStreamingUntilTheContainerEnds() throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Pod pod = client.pods().resource(new PodBuilder().withNewMetadata().withName("followed").endMetadata()
                .withNewSpec().withNodeName("sim-node-1").addNewContainer().withName("main").withImage("app:1")
                .endContainer().endSpec().build()).create();
        pod.setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("main").withImage("app:1").withImageID("").withRestartCount(0).withReady(true)
                .withNewState().withNewRunning().withStartedAt(started).endRunning().endState().build()).build());
        client.pods().resource(pod).updateStatus();
        long before = api.audit().lastSequence();
        var run = start("logs", "-f", "followed");
        awaitRequest(before, "get", "pods", "log");
        Pod running = client.pods().withName("followed").get();
        running.getStatus().getContainerStatuses().get(0).setState(new io.fabric8.kubernetes.api.model
                .ContainerStateBuilder().withNewTerminated().withExitCode(3).withReason("Error").withStartedAt(started)
                .withFinishedAt(Instant.parse(started).plusSeconds(5).toString()).endTerminated().build());
        client.pods().resource(running).updateStatus();
        KubectlRunner.Result result = finish(run);
        assertEquals(0, result.code(), result.out());
        // the start was there when kubectl asked; the end was written while it followed
        assertTrue(result.out().startsWith("INFO  starting app 1"), result.out());
        assertTrue(result.out().contains("ERROR unrecoverable error") && result.out().endsWith("ERROR exiting with code 3\n"),
                result.out());
        assertFalse(result.out().contains("Error from server"), result.out());
    }
}
