package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bookmarks and the bounded change log, on a server tuned to show them quickly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchHistoryTest {

    private static final int LOG_CAPACITY = 5;

    private ApiServer server;
    private URI url;

    @BeforeAll
    void start() {
        server = ApiServer.start(new ApiServer.Options(0, List.of(), Duration.ofMillis(200), LOG_CAPACITY,
                Duration.ofMillis(100), 1000), ApiServer.Parts.defaults());
        url = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private long createConfigMap(String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "/api/v1/namespaces/default/configmaps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"" + name + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JsonText.parse(r.body()).path("metadata").path("resourceVersion").asLong();
    }

    @Test
    void aWatchThatAllowsBookmarksGetsThemWithOnlyAResourceVersion() throws Exception {
        long version = createConfigMap("marked");
        try (HttpStream watch = HttpStream.open(url, "/api/v1/namespaces/default/configmaps?watch=true"
                + "&allowWatchBookmarks=true&resourceVersion=" + version, null)) {
            JsonNode bookmark = JsonText.parse(watch.next());
            assertEquals("BOOKMARK", bookmark.path("type").asText());
            JsonNode object = bookmark.path("object");
            assertEquals("ConfigMap", object.path("kind").asText());
            assertEquals("v1", object.path("apiVersion").asText());
            assertTrue(object.path("metadata").path("resourceVersion").asLong() >= version, object.toString());
            assertEquals(List.of("resourceVersion"), fieldNames(object.path("metadata")));
        }
    }

    @Test
    void aVersionOlderThanTheLogIsAnExpiredErrorEventThenTheEnd() throws Exception {
        long first = createConfigMap("old-0");
        for (int i = 1; i <= LOG_CAPACITY + 2; i++) {
            createConfigMap("old-" + i);
        }
        try (HttpStream watch = HttpStream.open(url, "/api/v1/namespaces/default/configmaps?watch=true"
                + "&resourceVersion=" + first, null)) {
            JsonNode error = JsonText.parse(watch.next());
            assertEquals("ERROR", error.path("type").asText());
            assertEquals(410, error.path("object").path("code").asInt());
            assertEquals("Expired", error.path("object").path("reason").asText());
            assertTrue(error.path("object").path("message").asText().startsWith("too old resource version: " + first),
                    error.toString());
            assertEquals(HttpStream.END, watch.next());
        }
    }

    @Test
    void aWatchEndsAtItsTimeout() throws Exception {
        try (HttpStream watch = HttpStream.open(url, "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1",
                null)) {
            assertEquals(HttpStream.END, watch.next(Duration.ofSeconds(10)));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
