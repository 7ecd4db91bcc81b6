package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting a scheduled pod marks it Terminating for its grace period, as kube-apiserver does; only
 * a delete with a period of 0 (its kubelet's, or a forced one) removes it.
 */
class GracefulPodDeletionTest extends ApiServerTestBase {

    private Pod scheduled(String name) {
        return client.pods().resource(new PodBuilder(pod(name)).editSpec().withNodeName("sim-node-1").endSpec()
                .build()).create();
    }

    @Test
    void aScheduledPodIsMarkedForItsTerminationGracePeriod() throws Exception {
        scheduled("graceful");
        Instant before = Instant.now();
        assertEquals(200, http("DELETE", "/api/v1/namespaces/default/pods/graceful", null, null).statusCode());
        Pod terminating = client.pods().withName("graceful").get();
        assertEquals(30L, terminating.getMetadata().getDeletionGracePeriodSeconds());
        Instant deadline = Instant.parse(terminating.getMetadata().getDeletionTimestamp());
        assertTrue(!deadline.isBefore(before.plusSeconds(29)) && !deadline.isAfter(Instant.now().plusSeconds(31)),
                deadline.toString());

        assertEquals(200, http("DELETE", "/api/v1/namespaces/default/pods/graceful?gracePeriodSeconds=0", null, null)
                .statusCode());
        // gone once its containers could have stopped (ContainerStop)
        await().atMost(Duration.ofSeconds(5)).until(() -> client.pods().withName("graceful").get() == null);
    }

    @Test
    void aLaterDeleteShortensTheGracePeriodButNeverLengthensIt() throws Exception {
        scheduled("shortened");
        http("DELETE", "/api/v1/namespaces/default/pods/shortened?gracePeriodSeconds=20", null, null);
        http("DELETE", "/api/v1/namespaces/default/pods/shortened", "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":60}");
        assertEquals(20L, client.pods().withName("shortened").get().getMetadata().getDeletionGracePeriodSeconds());
        http("DELETE", "/api/v1/namespaces/default/pods/shortened", "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":5}");
        assertEquals(5L, client.pods().withName("shortened").get().getMetadata().getDeletionGracePeriodSeconds());
        client.pods().withName("shortened").withGracePeriod(0).delete();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.pods().withName("shortened").get() == null);
    }

    @Test
    void aPodNeverScheduledGoesAtOnce() {
        client.pods().resource(pod("unscheduled")).create();
        client.pods().withName("unscheduled").delete();
        assertNull(client.pods().withName("unscheduled").get());
    }

    @Test
    void aTerminatingPodIsStillListedAndItsUpdatesKeepItTerminating() {
        scheduled("listed");
        client.pods().withName("listed").delete();
        assertTrue(client.pods().list().getItems().stream().anyMatch(p -> p.getMetadata().getName().equals("listed")
                && p.getMetadata().getDeletionTimestamp() != null));
        client.pods().withName("listed").edit(p -> new PodBuilder(p).editMetadata().addToLabels("seen", "yes")
                .endMetadata().build());
        Pod updated = client.pods().withName("listed").get();
        assertEquals("yes", updated.getMetadata().getLabels().get("seen"));
        assertEquals(30L, updated.getMetadata().getDeletionGracePeriodSeconds());
    }
}
