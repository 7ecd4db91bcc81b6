package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WatchTest extends ApiServerTestBase {

    private static Watcher<Pod> into(BlockingQueue<String> q) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                q.add(action + " " + pod.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                q.add("CLOSED");
            }
        };
    }

    private Pod labelled(String name, String app) {
        Pod p = pod(name);
        p.getMetadata().getLabels().put("app", app);
        return client.pods().resource(p).create();
    }

    @Test
    void setBasedSelectorsFilterWatchEvents() throws Exception {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().withLabelIn("app", "x", "y").watch(into(q))) {
            labelled("in-x", "x");
            labelled("in-z", "z");
            labelled("in-y", "y");
            assertEquals("ADDED in-x", q.poll(5, TimeUnit.SECONDS));
            assertEquals("ADDED in-y", q.poll(5, TimeUnit.SECONDS));
            assertNull(q.poll(500, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void watchFromAListVersionReplaysWhatHappenedSince() throws Exception {
        labelled("replay-a", "replay");
        String listVersion = client.pods().withLabel("app", "replay").list().getMetadata().getResourceVersion();
        labelled("replay-b", "replay");            // written between the list and the watch
        client.pods().withName("replay-a").delete();
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().withLabel("app", "replay")
                .watch(new ListOptionsBuilder().withResourceVersion(listVersion).build(), into(q))) {
            assertEquals("ADDED replay-b", q.poll(5, TimeUnit.SECONDS));
            assertEquals("DELETED replay-a", q.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void watchWithoutVersionStartsWithWhatExists() throws Exception {
        labelled("exists-1", "exists");
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().withLabel("app", "exists").watch(into(q))) {
            assertEquals("ADDED exists-1", q.poll(5, TimeUnit.SECONDS));
            client.pods().withName("exists-1").edit(p -> {
                p.getMetadata().getAnnotations().put("touched", "yes");
                return p;
            });
            assertEquals("MODIFIED exists-1", q.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void plainHttpWatchEndsAtItsTimeoutWithTheEventsAsNewlineDelimitedJson() throws Exception {
        labelled("http-watch", "http");
        var r = http("GET", "/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dhttp&timeoutSeconds=1",
                null, null);
        assertEquals(200, r.statusCode());
        String[] lines = r.body().strip().split("\n");
        assertEquals(1, lines.length, r.body());
        assertEquals("ADDED", JsonText.parse(lines[0]).get("type").asText());
    }
}
