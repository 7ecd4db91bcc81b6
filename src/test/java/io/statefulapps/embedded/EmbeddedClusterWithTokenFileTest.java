package io.statefulapps.embedded;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The whole embedded cluster with a token file: the simulator acts as the admin, over HTTPS. */
class EmbeddedClusterWithTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void theKubeconfigAloneDrivesTheClusterAndAGhostServiceAccountLeavesPodsUncreated() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.csv"), "t-bob,bob,b1\n");
        Duration fast = Duration.ofMillis(50);
        EmbeddedCluster.Settings settings = new EmbeddedCluster.Settings(0, dir.resolve("kubeconfig"), fast, fast,
                fast, fast, fast, Duration.ofMillis(300), Duration.ofMillis(200), List.of("shop"), Optional.of(tokens));
        try (EmbeddedCluster cluster = EmbeddedCluster.start(settings, Clock.systemUTC());
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            assertEquals("https", cluster.url().getScheme());
            client.apps().statefulSets().inNamespace("shop").resource(statefulSet("web", null)).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> ready(client.pods().inNamespace("shop")
                    .withName("web-0").get()));

            client.apps().statefulSets().inNamespace("shop").resource(statefulSet("ghostly", "ghost")).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> client.v1().events().inNamespace("shop").list()
                    .getItems().stream().anyMatch(e -> "FailedCreate".equals(e.getReason())
                            && e.getMessage().contains("error looking up service account shop/ghost")));
            assertNull(client.pods().inNamespace("shop").withName("ghostly-0").get());
        }
    }

    private static boolean ready(Pod pod) {
        return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus()
                .getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static StatefulSet statefulSet(String name, String serviceAccount) {
        return new StatefulSetBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withServiceName(name).withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().withServiceAccountName(serviceAccount)
                .addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
