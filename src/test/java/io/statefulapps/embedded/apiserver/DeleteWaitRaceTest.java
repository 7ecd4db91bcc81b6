package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What kubectl's wait after a delete relies on when a StatefulSet re-creates the pod under its
 * name: a watch from the version it read replays the DELETED of the old pod, and the kubelet's
 * confirmation of a graceful delete comes as late as a real kubelet's, not within kubectl's check.
 */
class DeleteWaitRaceTest extends ApiServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Pod scheduled(String name) {
        return client.pods().resource(new PodBuilder(pod(name)).editSpec().withNodeName("sim-node-1").endSpec()
                .build()).create();
    }

    @Test
    void aWatchFromTheVersionReadBeforeADeleteAndRecreateReplaysTheDeletedOldPod() throws Exception {
        client.pods().resource(pod("race-0")).create();
        JsonNode read = JSON.readTree(http("GET", "/api/v1/namespaces/default/pods/race-0", null, null).body());
        String oldUid = read.path("metadata").path("uid").asText();
        String version = read.path("metadata").path("resourceVersion").asText();
        assertEquals(200, http("DELETE", "/api/v1/namespaces/default/pods/race-0", null, null).statusCode());
        String newUid = client.pods().resource(pod("race-0")).create().getMetadata().getUid();

        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/namespaces/default/pods?watch=true"
                + "&fieldSelector=metadata.name%3Drace-0&allowWatchBookmarks=true&resourceVersion=" + version, null)) {
            JsonNode deleted = JSON.readTree(watch.next());
            assertEquals("DELETED", deleted.path("type").asText(), deleted.toString());
            assertEquals(oldUid, deleted.path("object").path("metadata").path("uid").asText());
            JsonNode added = JSON.readTree(watch.next());
            assertEquals("ADDED", added.path("type").asText(), added.toString());
            assertEquals(newUid, added.path("object").path("metadata").path("uid").asText());
        }
    }

    @Test
    void theKubeletsConfirmationRightAfterTheMarkRemovesThePodOnlyOnceItsContainersStopped() throws Exception {
        String uid = scheduled("stopping").getMetadata().getUid();
        long start = System.nanoTime();
        http("DELETE", "/api/v1/namespaces/default/pods/stopping", null, null);
        HttpResponse<String> confirmed = http("DELETE", "/api/v1/namespaces/default/pods/stopping?gracePeriodSeconds=0",
                null, null);
        // held: answered as it still is, as the real server answers a delete that leaves the object
        assertEquals(200, confirmed.statusCode());
        assertTrue(confirmed.body().contains("\"kind\":\"Pod\"") && confirmed.body().contains(uid), confirmed.body());
        Pod meanwhile = client.pods().withName("stopping").get();
        if (Duration.ofNanos(System.nanoTime() - start).compareTo(ContainerStop.TIME) < 0) {
            assertNotNull(meanwhile, "removed before its containers could have stopped");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> client.pods().withName("stopping").get() == null);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(ContainerStop.TIME) >= 0);
    }

    @Test
    void aForcedDeleteOfAPodTerminatingForLongerGoesAtOnce() throws Exception {
        scheduled("long-terminating");
        http("DELETE", "/api/v1/namespaces/default/pods/long-terminating", null, null);
        await().pollDelay(ContainerStop.TIME).atMost(Duration.ofSeconds(5)).until(() -> true);
        HttpResponse<String> forced = http("DELETE",
                "/api/v1/namespaces/default/pods/long-terminating?gracePeriodSeconds=0", null, null);
        assertTrue(forced.body().contains("\"status\":\"Success\""), forced.body());
        assertNull(client.pods().withName("long-terminating").get());
    }
}
