package io.statefulapps.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.config.ServedNamespaces;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.render.ManagedLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cache holds what the service manages and nothing else of the cluster: other teams' pods never
 * reach it, and Warning events about them are neither kept nor indexed.
 */
class WatchCacheScopeTest {

    static final String NS = "scope";

    @Test
    void objectsOfNoAppAreNeitherKeptNorIndexed() {
        EmbeddedApiServer server = EmbeddedApiServer.start(0);
        try (KubernetesClient client = server.newClient()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .create();
            WatchCache cache = new WatchCache(client, new ServedNamespaces(Optional.empty()), () -> 500);
            cache.start();
            await().atMost(Duration.ofSeconds(20)).until(cache::synced);
            SharedIndexInformer<Pod> pods = informer(cache, Pod.class);
            SharedIndexInformer<Event> events = informer(cache, Event.class);

            client.pods().inNamespace(NS).resource(pod("theirs-0", Map.of("app", "theirs"))).create();
            client.pods().inNamespace(NS).resource(pod("ours-0",
                    Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE, ManagedLabels.INSTANCE, "ours")))
                    .create();
            await().atMost(Duration.ofSeconds(20)).until(() -> pods.getStore().getByKey(NS + "/ours-0") != null);
            client.v1().events().inNamespace(NS).resource(event("theirs-0.warning", "theirs-0", "Warning")).create();
            client.v1().events().inNamespace(NS).resource(event("ours-0.normal", "ours-0", "Normal")).create();
            client.v1().events().inNamespace(NS).resource(event("ours-0.warning", "ours-0", "Warning")).create();
            // One watch delivers in order: once the last event is there, the others have been seen.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> events.getStore().getByKey(NS + "/ours-0.warning") != null);

            assertNull(pods.getStore().getByKey(NS + "/theirs-0"), "other teams' pods are not watched");
            assertNull(events.getStore().getByKey(NS + "/theirs-0.warning"), "not kept");
            assertNull(events.getStore().getByKey(NS + "/ours-0.normal"), "Normal events are not watched");
            KeyIndex<Event> byObject = cache.cacheInformers().eventsByObject;
            assertTrue(byObject.objects(NS + "/theirs-0").isEmpty(),
                    "not indexed either: an index entry per foreign event would grow with the cluster");
            assertEquals(List.of("ours-0.warning"),
                    byObject.objects(NS + "/ours-0").stream().map(e -> e.getMetadata().getName()).toList());
            cache.onStop(null);
        } finally {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> SharedIndexInformer<T> informer(WatchCache cache, Class<T> kind) {
        return (SharedIndexInformer<T>) cache.informers().stream().filter(i -> i.getApiTypeClass() == kind)
                .findFirst().orElseThrow();
    }

    private static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox:1.36").endContainer().endSpec()
                .build();
    }

    private static Event event(String name, String pod, String type) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withType(type).withReason("BackOff").withMessage("Back-off restarting failed container")
                .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withNamespace(NS).withName(pod)
                .endInvolvedObject().build();
    }
}
