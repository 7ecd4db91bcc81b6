package io.statefulapps.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.config.ServedNamespaces;
import io.statefulapps.embedded.EmbeddedApiServer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Starting the cache builds every watched kind's JSON decoder before it returns (so while the
 * application still boots, when its class loader keeps every jar open), then lists as before.
 */
class WatchCacheDecodersTest {

    /**
     * Records which kinds were decoded from a string (the decoder build; lists decode streams), each
     * after a pause as a cold JVM's first decode takes, so that a start that did not wait would show.
     */
    static final class RecordingSerialization extends KubernetesSerialization {
        final Set<Class<?>> decodedFromText = ConcurrentHashMap.newKeySet();

        @Override
        public <T> T unmarshal(String text, Class<T> type) {
            T decoded = super.unmarshal(text, type);
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            decodedFromText.add(type);
            return decoded;
        }
    }

    @Test
    void startReturnsOnceEveryWatchedKindHasItsDecoder() {
        EmbeddedApiServer server = EmbeddedApiServer.start(0);
        RecordingSerialization serialization = new RecordingSerialization();
        try (KubernetesClient plain = server.newClient();
                KubernetesClient client = new KubernetesClientBuilder().withConfig(plain.getConfiguration())
                        .withKubernetesSerialization(serialization).build()) {
            WatchCache cache = new WatchCache(client, new ServedNamespaces(Optional.empty()), () -> 500);

            cache.start();

            Set<Class<?>> watched = cache.informers().stream().map(SharedIndexInformer::getApiTypeClass)
                    .collect(Collectors.toSet());
            assertEquals(9, watched.size(), "the nine watched kinds");
            assertEquals(watched, Set.copyOf(serialization.decodedFromText),
                    "each watched kind's decoder was built before start returned");
            await().atMost(Duration.ofSeconds(20)).until(cache::synced);
            cache.onStop(null);
        } finally {
            server.close();
        }
    }
}
