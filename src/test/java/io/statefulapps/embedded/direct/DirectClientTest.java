package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.embedded.EmbeddedApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated controllers' client without a socket: its requests are served by the same pipeline
 * as HTTP ones (audit, faults, handlers), and an informer over it stays current through changes made
 * over HTTP, ended watches and expired versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectClientTest {

    private EmbeddedApiServer api;
    private KubernetesClient overHttp;
    private KubernetesClient direct;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        api = EmbeddedApiServer.start(0);
        overHttp = api.newClient();
        direct = api.newDirectClient();
    }

    @AfterAll
    void stop() {
        direct.close();
        overHttp.close();
        api.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        faults("DELETE", null);
    }

    @Test
    void writesAndReadsGoThroughThePipelineAndMeetOverHttp() {
        long before = api.audit().lastSequence();
        ConfigMap created = direct.configMaps().resource(configMap("written", "a", "1")).create();
        assertNotNull(created.getMetadata().getUid(), "the server's own fields come back");
        assertEquals("1", overHttp.configMaps().withName("written").get().getData().get("a"));

        direct.configMaps().resource(new ConfigMapBuilder(created).addToData("b", "2").build()).update();
        direct.configMaps().withName("written").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"c\":\"3\"}}");
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), overHttp.configMaps().withName("written").get().getData());
        assertEquals(1, direct.configMaps().withLabel("test", "direct").list().getItems().size());

        direct.configMaps().withName("written").delete();
        assertNull(overHttp.configMaps().withName("written").get());
        List<String> verbs = api.audit().records(r -> r.sequence() > before && "configmaps".equals(r.resource()))
                .stream().map(r -> r.verb() + " " + r.status()).toList();
        assertTrue(verbs.containsAll(List.of("create 201", "update 200", "patch 200", "list 200", "delete 200")),
                "audited like HTTP requests: " + verbs);
    }

    @Test
    void aRefusalIsTheServersStatusAndADroppedConnectionAnError() throws Exception {
        direct.configMaps().resource(configMap("taken", "a", "1")).create();
        KubernetesClientException exists = assertThrows(KubernetesClientException.class,
                () -> direct.configMaps().resource(configMap("taken", "a", "1")).create());
        assertEquals(409, exists.getCode());

        faults("PUT", "[{\"verb\":\"create\",\"resource\":\"configmaps\",\"status\":503,\"times\":1},"
                + "{\"verb\":\"get\",\"resource\":\"configmaps\",\"delayMs\":300,\"times\":1}]");
        KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                () -> direct.configMaps().resource(configMap("refused", "a", "1")).create());
        assertEquals(503, refused.getCode());
        long start = System.nanoTime();
        assertNotNull(direct.configMaps().withName("taken").get());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "the delay is waited out");

        faults("PUT", "[{\"refuseConnections\":true,\"forMs\":60000}]");
        KubernetesClientException dropped = assertThrows(KubernetesClientException.class,
                () -> direct.configMaps().withName("taken").get());
        assertTrue(dropped.getCause() instanceof java.io.IOException, "no answer at all: " + dropped);
    }

    @Test
    void anInformerStaysCurrentThroughEndedWatchesAndExpiredVersions() throws Exception {
        try (SharedIndexInformer<ConfigMap> informer = direct.configMaps().withLabel("test", "informed").inform()) {
            informer.start().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            overHttp.configMaps().resource(configMap("first", "a", "1")).create();
            awaitData(informer, "first", "1");
            overHttp.configMaps().withName("first").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"2\"}}");
            awaitData(informer, "first", "2");

            api.watches().endAllWatches();
            overHttp.configMaps().resource(configMap("second", "a", "1")).create();
            awaitData(informer, "second", "1");

            faults("PUT", "[{\"verb\":\"watch\",\"resource\":\"configmaps\",\"watchGone\":true},"
                    + "{\"dropWatches\":true,\"resource\":\"configmaps\"}]");
            overHttp.configMaps().withName("first").delete();
            overHttp.configMaps().resource(configMap("third", "a", "1")).create();
            awaitData(informer, "third", "1");
            await().atMost(Duration.ofSeconds(10)).until(() -> informer.getStore().getByKey("default/first") == null);
        }
    }

    @Test
    void anInformersHandlerRunsOnTheThreadThatDeliversTheWatchNotOnAPool() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (SharedIndexInformer<ConfigMap> informer = direct.configMaps().withLabel("test", "handed").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ConfigMap added) {
                        threads.add(Thread.currentThread().getName());
                    }

                    @Override
                    public void onUpdate(ConfigMap before, ConfigMap after) {
                        threads.add(Thread.currentThread().getName());
                    }

                    @Override
                    public void onDelete(ConfigMap deleted, boolean finalStateUnknown) {
                        threads.add(Thread.currentThread().getName());
                    }
                })) {
            informer.start().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            ConfigMap handed = configMap("handed", "a", "1");
            handed.getMetadata().getLabels().put("test", "handed");
            overHttp.configMaps().resource(handed).create();
            overHttp.configMaps().withName("handed").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"2\"}}");
            overHttp.configMaps().withName("handed").delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() >= 1
                    && informer.getStore().getByKey("default/handed") == null);
            // One thread for every watch event: a pool would show its own threads (Fabric8's default
            // executor), one hand-off per event.
            assertEquals(Set.of("embedded-direct-watches"), threads);
        }
    }

    private static void awaitData(SharedIndexInformer<ConfigMap> informer, String name, String value) {
        await(name + " with a=" + value).atMost(Duration.ofSeconds(10)).until(() -> {
            ConfigMap cached = informer.getStore().getByKey("default/" + name);
            return cached != null && value.equals(cached.getData().get("a"));
        });
    }

    private static ConfigMap configMap(String name, String key, String value) {
        String label = name.equals("written") ? "direct" : "informed";
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToLabels("test", label).endMetadata().addToData(key, value).build();
    }

    private void faults(String method, String rules) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + "/_sim/faults"));
        request = rules == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(rules));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
