package io.statefulapps.embedded;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deleted pod turns Terminating; the simulated kubelet finishes it and its StatefulSet makes a new one. */
class GracefulDeletionWithSimulatorTest {

    @TempDir
    Path dir;

    @Test
    void theKubeletConfirmsAGracefulDeleteAndTheStatefulSetReplacesThePod() throws Exception {
        Duration fast = Duration.ofMillis(50);
        EmbeddedCluster.Settings settings = new EmbeddedCluster.Settings(0, dir.resolve("kubeconfig"), fast, fast,
                fast, fast, fast, Duration.ofMillis(300), Duration.ofMillis(200), List.of(), Optional.empty());
        try (EmbeddedCluster cluster = EmbeddedCluster.start(settings, Clock.systemUTC());
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            client.apps().statefulSets().resource(new StatefulSetBuilder().withNewMetadata().withName("web")
                    .endMetadata().withNewSpec().withServiceName("web").withReplicas(1).withNewSelector()
                    .addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata()
                    .addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer().withName("main")
                    .withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec().build()).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> ready(client.pods().withName("web-0").get()));
            String uid = client.pods().withName("web-0").get().getMetadata().getUid();

            HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cluster.url() + "/api/v1/namespaces/default/pods/web-0")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, deleted.statusCode());
            assertTrue(deleted.body().contains("\"deletionTimestamp\"") && deleted.body().contains(
                    "\"deletionGracePeriodSeconds\":30"), deleted.body());

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Pod pod = client.pods().withName("web-0").get();
                return pod != null && !pod.getMetadata().getUid().equals(uid) && ready(pod);
            });
        }
    }

    private static boolean ready(Pod pod) {
        return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus()
                .getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }
}
