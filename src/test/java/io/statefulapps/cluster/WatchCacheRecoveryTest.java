package io.statefulapps.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.config.ServedNamespaces;
import io.statefulapps.embedded.EmbeddedApiServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A watch cache that loses its API server reports it, and recovers by itself when it returns. */
class WatchCacheRecoveryTest {

    @Test
    void losingTheApiServerMakesTheCacheNotWatchingUntilItComesBack() {
        EmbeddedApiServer server = EmbeddedApiServer.start(0);
        int port = server.port();
        try (KubernetesClient client = server.newClient()) {
            WatchCache cache = new WatchCache(client, new ServedNamespaces(Optional.empty()), () -> 500);
            cache.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> cache.synced() && cache.watching());

            server.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> !cache.watching());
            assertTrue(!cache.lagging().isEmpty(), "the lagging informers are named");

            server = EmbeddedApiServer.start(port);
            await().atMost(Duration.ofSeconds(60)).until(() -> cache.synced() && cache.watching());
            assertTrue(cache.lagging().isEmpty());
            cache.onStop(null);
        } finally {
            server.close();
        }
    }
}
