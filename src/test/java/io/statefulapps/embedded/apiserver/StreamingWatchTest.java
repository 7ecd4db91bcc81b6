package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watches over plain HTTP stream until their timeout or the client leaves; over WebSocket as informers use them. */
class StreamingWatchTest extends ApiServerTestBase {

    private Pod labelled(String name, String app) {
        Pod p = pod(name);
        p.getMetadata().getLabels().put("app", app);
        return client.pods().resource(p).create();
    }

    private static JsonNode event(String line) {
        return JsonText.parse(line);
    }

    @Test
    void anHttpWatchStaysOpenAndStreamsWhatHappensAfterItBegan() throws Exception {
        int before = api.watches().openWatches();
        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/namespaces/default/pods?watch=true"
                + "&labelSelector=app%3Dlater", null)) {
            assertEquals(200, watch.status());
            assertEquals("application/json", watch.header("Content-Type"));
            // the 200 comes once the watch is attached: what happens from now on reaches it
            labelled("later-1", "later");
            JsonNode added = event(watch.next());
            assertEquals("ADDED", added.path("type").asText());
            assertEquals("later-1", added.path("object").path("metadata").path("name").asText());
            client.pods().withName("later-1").delete();
            assertEquals("DELETED", event(watch.next()).path("type").asText());
        }
        // the client left: the server frees its watcher
        await().atMost(Duration.ofSeconds(30)).until(() -> api.watches().openWatches() <= before);
    }

    @Test
    void theLegacyWatchPathAndAVersionReplayWhatHappenedSince() throws Exception {
        labelled("legacy-a", "legacy");
        String version = client.pods().withLabel("app", "legacy").list().getMetadata().getResourceVersion();
        labelled("legacy-b", "legacy");
        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/watch/namespaces/default/pods?labelSelector="
                + "app%3Dlegacy&resourceVersion=" + version, null)) {
            JsonNode replayed = event(watch.next());
            assertEquals("ADDED", replayed.path("type").asText());
            assertEquals("legacy-b", replayed.path("object").path("metadata").path("name").asText());
        }
    }

    @Test
    void aChangeThatTakesAnObjectOutOfTheSelectionIsDeletedForTheWatch() throws Exception {
        labelled("mover", "inside");
        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/namespaces/default/pods?watch=true"
                + "&labelSelector=app%3Dinside", null)) {
            assertEquals("ADDED", event(watch.next()).path("type").asText());
            client.pods().withName("mover").edit(p -> {
                p.getMetadata().getLabels().put("app", "outside");
                return p;
            });
            JsonNode left = event(watch.next());
            assertEquals("DELETED", left.path("type").asText());
            assertEquals("outside", left.path("object").path("metadata").path("labels").path("app").asText());
            client.pods().withName("mover").edit(p -> {
                p.getMetadata().getLabels().put("app", "inside");
                return p;
            });
            assertEquals("ADDED", event(watch.next()).path("type").asText());
        }
    }

    @Test
    void kubectlsTableWatchGetsTablesWithTheRealColumns() throws Exception {
        labelled("tabled", "tabled");
        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/namespaces/default/pods?watch=true"
                + "&fieldSelector=metadata.name%3Dtabled", "application/json;as=Table;v=v1;g=meta.k8s.io")) {
            JsonNode table = event(watch.next()).path("object");
            assertEquals("Table", table.path("kind").asText());
            assertEquals("tabled", table.path("rows").get(0).path("cells").get(0).asText());
            assertTrue(table.path("columnDefinitions").toString().contains("Restarts"), table.toString());
        }
    }

    @Test
    void aWebSocketWatchGetsOneTextMessagePerEvent() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                api.url().toString().replace("http:", "ws:") + "/api/v1/namespaces/default/configmaps?watch=true"
                        + "&labelSelector=app%3Dws"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                ws.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        try {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("over-ws")
                    .addToLabels("app", "ws").endMetadata().build()).create();
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(message);
            assertEquals("over-ws", event(message).path("object").path("metadata").path("name").asText());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadSelectorIsRefusedBeforeAnythingStreams() throws Exception {
        var r = http("GET", "/api/v1/namespaces/default/pods?watch=true&fieldSelector=spec.unknown%3Dx", null, null);
        assertEquals(400, r.statusCode());
        assertEquals("field label not supported: spec.unknown", JsonText.parse(r.body()).path("message").asText());
    }
}
