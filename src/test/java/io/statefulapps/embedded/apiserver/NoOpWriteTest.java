package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Writes that leave an object as stored are no writes: the real server's GuaranteedUpdate. */
class NoOpWriteTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    @Test
    void aPatchThatChangesNothingKeepsTheVersionAndAnswersTheStoredObject() throws Exception {
        client.apps().statefulSets().resource(statefulSet("noop-sts")).create();
        String path = "/apis/apps/v1/namespaces/default/statefulsets/noop-sts";
        String stored = http("GET", path, null, null).body();

        HttpResponse<String> patched = http("PATCH", path, "application/merge-patch+json",
                "{\"spec\":{\"replicas\":2},\"metadata\":{\"labels\":null}}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(stored, patched.body());
        assertEquals(stored, http("GET", path, null, null).body());
    }

    @Test
    void anUnchangedPutKeepsVersionAndGenerationWhateverTheFieldOrderOrNulls() throws Exception {
        client.apps().statefulSets().resource(statefulSet("noop-put")).create();
        String path = "/apis/apps/v1/namespaces/default/statefulsets/noop-put";
        ObjectNode stored = JsonText.parseObject(http("GET", path, null, null).body());
        ObjectNode reordered = JsonText.object();
        reordered.set("spec", stored.get("spec"));
        reordered.set("metadata", stored.get("metadata"));
        reordered.put("kind", "StatefulSet").put("apiVersion", "apps/v1");
        ((ObjectNode) reordered.get("metadata")).putNull("annotations");

        HttpResponse<String> put = http("PUT", path, "application/json", JsonText.write(reordered));

        assertEquals(200, put.statusCode(), put.body());
        StatefulSet after = client.apps().statefulSets().withName("noop-put").get();
        assertEquals(rv(JsonText.write(stored)), after.getMetadata().getResourceVersion());
        assertEquals(1L, after.getMetadata().getGeneration());
        HttpResponse<String> grown = http("PATCH", path, "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}");
        assertEquals(2L, JsonText.parse(grown.body()).path("metadata").path("generation").asLong());
    }

    @Test
    void anUnchangedStatusWriteKeepsTheVersionAndAChangedOneBumpsIt() throws Exception {
        client.persistentVolumeClaims().resource(pvc("noop-status", "1Gi", "standard")).create();
        String path = "/api/v1/namespaces/default/persistentvolumeclaims/noop-status/status";
        String first = http("PATCH", path, "application/merge-patch+json", "{\"status\":{\"phase\":\"Bound\"}}").body();

        PersistentVolumeClaim current = client.persistentVolumeClaims().withName("noop-status").get();
        PersistentVolumeClaim same = client.persistentVolumeClaims()
                .resource(new PersistentVolumeClaimBuilder(current).build()).updateStatus();
        String again = http("PATCH", path, "application/merge-patch+json", "{\"status\":{\"phase\":\"Bound\"}}").body();

        assertEquals(rv(first), same.getMetadata().getResourceVersion());
        assertEquals(first, again);
        String lost = http("PATCH", path, "application/merge-patch+json", "{\"status\":{\"phase\":\"Lost\"}}").body();
        assertNotEquals(rv(first), rv(lost));
    }

    @Test
    void aNoOpWriteSendsNoWatchEvent() throws Exception {
        client.configMaps().resource(configMap("noop-watch", "1")).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch w = client.configMaps().withName("noop-watch").watch(into(events))) {
            assertEquals("ADDED 1", events.poll(5, TimeUnit.SECONDS));
            client.configMaps().withName("noop-watch").edit(cm -> cm);
            client.configMaps().resource(configMap("noop-watch", "1")).update();
            client.configMaps().resource(configMap("noop-watch", "2")).update();
            // the first event after the no-op writes is the real change
            assertEquals("MODIFIED 2", events.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void kubectlSaysPatchedNoChange() throws Exception {
        client.services().resource(service("web")).create();
        KubectlRunner kubectl = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")),
                dir.resolve("cache"));
        String version = client.services().withName("web").get().getMetadata().getResourceVersion();

        KubectlRunner.Result same = kubectl.run("patch", "svc", "web", "-p", "{\"spec\":{\"selector\":{\"app\":\"web\"}}}");
        assertEquals(0, same.code(), same.out());
        assertEquals("service/web patched (no change)", same.out().strip());
        assertEquals(version, client.services().withName("web").get().getMetadata().getResourceVersion());

        KubectlRunner.Result changed = kubectl.run("patch", "svc", "web", "-p", "{\"spec\":{\"selector\":{\"app\":\"api\"}}}");
        assertEquals("service/web patched", changed.out().strip());
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", value).build();
    }

    private static Watcher<ConfigMap> into(BlockingQueue<String> events) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap cm) {
                events.add(action + " " + cm.getData().get("k"));
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("CLOSED");
            }
        };
    }

    private static String rv(String json) {
        return JsonText.parse(json).path("metadata").path("resourceVersion").asText();
    }
}
