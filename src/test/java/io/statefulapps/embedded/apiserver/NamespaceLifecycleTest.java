package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.statefulapps.embedded.EmbeddedApiServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Namespaces are objects: they must exist before anything is written into them, and they end in order. */
class NamespaceLifecycleTest extends ApiServerTestBase {

    private static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm\"}}";

    @Test
    void theSystemNamespacesExistFromTheStartAndTheConfiguredOnesWithThem() {
        List<String> names = client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName())
                .sorted().toList();
        assertEquals(List.of("default", "kube-public", "kube-system"), names.stream()
                .filter(n -> n.startsWith("kube-") || n.equals("default")).toList());
        assertEquals("Active", client.namespaces().withName("kube-public").get().getStatus().getPhase());
        assertEquals("kube-system", client.namespaces().withName("kube-system").get().getMetadata().getLabels()
                .get("kubernetes.io/metadata.name"));
        try (EmbeddedApiServer withShop = EmbeddedApiServer.start(0, List.of("demo", "shop"));
             KubernetesClient other = withShop.newClient()) {
            assertNotNull(other.namespaces().withName("demo").get());
            assertNotNull(other.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("inside").endMetadata().build()).create());
        }
    }

    @Test
    void aWriteIntoANamespaceThatDoesNotExistIsTheServersNotFound() throws Exception {
        for (String dryRun : new String[] {"", "?dryRun=All"}) {
            var r = http("POST", "/api/v1/namespaces/shop/configmaps" + dryRun, "application/json", CONFIG_MAP);
            assertEquals(404, r.statusCode(), r.body());
            JsonNode status = JsonText.parse(r.body());
            assertEquals("namespaces \"shop\" not found", status.path("message").asText());
            assertEquals("NotFound", status.path("reason").asText());
            assertEquals("namespaces", status.path("details").path("kind").asText());
            assertEquals("shop", status.path("details").path("name").asText());
        }
        KubernetesClientException e = assertThrows(KubernetesClientException.class,
                () -> client.pods().inNamespace("shop").resource(pod("p")).create());
        assertEquals(404, e.getCode());
        // reading a namespace that does not exist is an empty list, as on a real server
        assertTrue(client.pods().inNamespace("shop").list().getItems().isEmpty());
    }

    @Test
    void deletingANamespaceTerminatesItDeletesWhatIsInItThenTheNamespace() throws Exception {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata()
                .build()).create();
        client.pods().inNamespace("team-a").resource(pod("inside")).create();
        client.configMaps().inNamespace("team-a").resource(new ConfigMapBuilder().withNewMetadata().withName("held")
                .addToFinalizers("example.com/hold").endMetadata().build()).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().inNamespace("team-a").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("CLOSED");
            }
        })) {
            assertEquals("ADDED inside", events.poll(10, TimeUnit.SECONDS));
            var deleted = http("DELETE", "/api/v1/namespaces/team-a", null, null);
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertEquals("Terminating", JsonText.parse(deleted.body()).path("status").path("phase").asText());
            // the content goes through the normal delete path: watches see it
            assertEquals("DELETED inside", events.poll(10, TimeUnit.SECONDS));
        }
        var ns = client.namespaces().withName("team-a").get();
        assertEquals("Terminating", ns.getStatus().getPhase());
        assertNotNull(ns.getMetadata().getDeletionTimestamp());
        var refused = http("POST", "/api/v1/namespaces/team-a/configmaps", "application/json", CONFIG_MAP);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("configmaps \"cm\" is forbidden: unable to create new content in namespace team-a because it"
                + " is being terminated", JsonText.parse(refused.body()).path("message").asText());

        client.configMaps().inNamespace("team-a").withName("held").edit(c -> new ConfigMapBuilder(c).editMetadata()
                .withFinalizers(List.of()).endMetadata().build());
        await().atMost(Duration.ofSeconds(10)).until(() -> client.namespaces().withName("team-a").get() == null);
        assertNull(client.configMaps().inNamespace("team-a").withName("held").get());
    }

    @Test
    void theSystemNamespacesCannotBeDeleted() throws Exception {
        for (String name : new String[] {"default", "kube-system", "kube-public"}) {
            var r = http("DELETE", "/api/v1/namespaces/" + name, null, null);
            assertEquals(403, r.statusCode(), r.body());
            assertEquals("namespaces \"" + name + "\" is forbidden: this namespace may not be deleted",
                    JsonText.parse(r.body()).path("message").asText());
        }
        assertEquals("Active", client.namespaces().withName("default").get().getStatus().getPhase());
    }
}
