package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.statefulapps.embedded.EmbeddedCluster;
import io.statefulapps.testing.KubectlRunner;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kubectl delete pod web-0} of a StatefulSet's pod, which the simulated controller re-creates
 * at once under the same name, returns every time: its wait sees the old pod's DELETED.
 */
class KubectlDeleteRecreatedPodTest {

    @TempDir
    Path dir;

    @Test
    void deletingARecreatedPodTenTimesInARowReturnsEachTime() throws Exception {
        Duration fast = Duration.ofMillis(50);
        EmbeddedCluster.Settings settings = new EmbeddedCluster.Settings(0, dir.resolve("kubeconfig"), fast, fast,
                fast, fast, fast, Duration.ofMillis(300), Duration.ofMillis(200), List.of("demo"), Optional.empty());
        try (EmbeddedCluster cluster = EmbeddedCluster.start(settings, Clock.systemUTC());
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            client.apps().statefulSets().inNamespace("demo").resource(new StatefulSetBuilder().withNewMetadata()
                    .withName("web").endMetadata().withNewSpec().withServiceName("web").withReplicas(1)
                    .withNewSelector().addToMatchLabels("app", "web").endSelector().withNewTemplate()
                    .withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
                    .withName("main").withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec()
                    .build()).create();
            KubectlRunner kubectl = new KubectlRunner(cluster.kubeconfig(), dir.resolve("cache"));
            String previous = "";
            for (int i = 0; i < 10; i++) {
                String seen = previous;
                await().atMost(Duration.ofSeconds(20)).until(() -> running(client.pods().inNamespace("demo")
                        .withName("web-0").get(), seen));
                previous = client.pods().inNamespace("demo").withName("web-0").get().getMetadata().getUid();
                // kubectl's own timeout turns a hang into a failure well before the runner's 60 s
                KubectlRunner.Result delete = kubectl.run("-n", "demo", "delete", "pod", "web-0", "--timeout=20s");
                assertEquals(0, delete.code(), "run " + i + ": " + delete.out());
                assertTrue(delete.out().contains("pod \"web-0\" deleted"), delete.out());
            }
        }
    }

    private static boolean running(Pod pod, String previousUid) {
        return pod != null && !pod.getMetadata().getUid().equals(previousUid)
                && pod.getMetadata().getDeletionTimestamp() == null && pod.getSpec().getNodeName() != null;
    }
}
