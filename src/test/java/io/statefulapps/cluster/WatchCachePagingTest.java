package io.statefulapps.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.config.ServedNamespaces;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.embedded.apiserver.AuditRecord;
import io.statefulapps.render.ManagedLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cache lists the cluster in pages of {@code stateful-apps.watch.list-page-size} and keeps every page. */
class WatchCachePagingTest {

    static final String NS = "paging";

    @Test
    void everyPageOfAListIsKept() {
        EmbeddedApiServer server = EmbeddedApiServer.start(0);
        try (KubernetesClient client = server.newClient()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .create();
            IntStream.range(0, 5).forEach(i -> client.services().inNamespace(NS).resource(service("app-" + i)).create());
            long before = server.audit().lastSequence();

            WatchCache cache = new WatchCache(client, new ServedNamespaces(Optional.empty()), () -> 2);
            cache.start();
            await().atMost(Duration.ofSeconds(20)).until(cache::synced);

            SharedIndexInformer<?> services = cache.informers().stream()
                    .filter(i -> i.getApiTypeClass() == Service.class).findFirst().orElseThrow();
            assertEquals(5, cache.cacheInformers().size(services), "all five Services, from three pages");
            List<AuditRecord> lists = server.audit().records(r -> r.sequence() > before && "list".equals(r.verb())
                    && "services".equals(r.resource()));
            assertEquals(3, lists.size(), "pages of 2: 2 + 2 + 1 Services");
            cache.onStop(null);
        } finally {
            server.close();
        }
    }

    private static Service service(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE, ManagedLabels.INSTANCE, name))
                .endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec().build();
    }
}
