package io.statefulapps.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bench/run.sh --smoke} at 20 apps against this test application (attach mode: the
 * service is already running on the embedded cluster, so no packaged jar is needed) and checks the
 * JSON it writes: every figure is there, and health reads under wrk cost the Kubernetes API nothing.
 */
@QuarkusTest
class BenchSmokeTest {

    static final String NS = "bench-smoke";
    static final Path OUT = Path.of("target/bench/smoke.json");
    static final Path LOG = Path.of("target/bench/smoke.log");
    static final List<String> LOADS = List.of("health_json", "health_text", "revalidate", "list", "health_single");

    @TestHTTPResource("/")
    URL url;

    @Inject
    KubernetesClient client;

    @Test
    void twentyAppsGiveEveryFigureAndReadsUnderLoadCostTheApiNothing() throws Exception {
        assumeTrue(onPath("wrk"), "wrk is not installed (bench/run.sh installs it, so does .ci/run)");
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY));
        Files.createDirectories(OUT.getParent());
        Files.deleteIfExists(OUT);

        Process run = new ProcessBuilder("bash", "bench/run.sh", "--smoke", "--attach", base(),
                "--pid", String.valueOf(ProcessHandle.current().pid()), "--kubeconfig", "target/test-kubeconfig.yaml",
                "--namespace", NS, "--out", OUT.toString(), "20")
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        boolean ended = run.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            run.destroyForcibly();
        }
        assertTrue(ended, "bench/run.sh --smoke still running after 150 s; see " + LOG);
        assertEquals(0, run.exitValue(), () -> "bench/run.sh --smoke failed:\n" + read(LOG));

        JsonNode n = new ObjectMapper().readTree(OUT.toFile()).path("n20");
        assertEquals(20, n.path("apps").asInt());
        assertEquals(0, n.path("create").path("failed").asInt(-1), "every create answered 201");
        assertEquals(20, n.path("create").path("timed").asInt());
        assertTrue(n.path("create").path("p99_ms").asDouble() >= n.path("create").path("p50_ms").asDouble());
        assertTrue(n.path("settle").path("settled").asBoolean(), () -> "not settled: " + n.path("settle"));
        assertEquals(18, n.path("settle").path("healthy").asInt());
        assertEquals(2, n.path("settle").path("degraded").asInt(), "every tenth app has an image that cannot be pulled");
        for (String load : LOADS) {
            JsonNode r = n.path(load);
            assertTrue(r.path("rps").asDouble() > 0, () -> load + ": " + r);
            assertTrue(r.path("p50_ms").asDouble() <= r.path("p99_ms").asDouble(), () -> load + ": " + r);
            assertTrue(r.path("max_ms").isNumber(), () -> load + ": " + r);
            assertEquals(0, r.path("status_other").asInt(-1), () -> load + " answered 400 or above: " + r);
            assertEquals(r.path("requests").asInt(), r.path("status_ok").asInt(-1), () -> load + ": " + r);
            assertEquals(0, r.path("warmup").path("status_other").asInt(-1), () -> load + "'s warm-up answered other than 200/304: " + r);
            assertEquals(0, r.path("socket_errors").asInt(-1), () -> load + ": " + r);
        }
        // The spread load: all 20 apps and the first 10, alternated on the same process.
        assertEquals(10, n.path("spread").path("few_apps").asInt(), () -> n.path("spread").toString());
        for (String part : List.of("all", "few")) {
            JsonNode r = n.path("spread").path(part);
            assertTrue(r.path("rps").asDouble() > 0, () -> "spread." + part + ": " + r);
            assertEquals(0, r.path("status_other").asInt(-1), () -> "spread." + part + ": " + r);
        }
        assertEquals(n.path("spread").path("all").path("rps").asDouble() / n.path("spread").path("few").path("rps").asDouble(),
                n.path("ratio").path("spread_json").asDouble(), 0.01, () -> n.path("ratio").toString());
        JsonNode revalidated = n.path("revalidate").path("warmup");
        assertTrue(revalidated.path("status_304").asInt() > 0, () -> "no 304: " + n.path("revalidate"));
        // A faulty app's report may still change (ErrImagePull to ImagePullBackOff) right after settling.
        assertTrue(revalidated.path("status_304").asInt() > 9 * revalidated.path("status_200").asInt(),
                () -> "full answers despite current ETags: " + revalidated);
        assertTrue(n.path("revalidate").path("bytes_per_response").asInt() < n.path("health_json").path("bytes_per_response").asInt() / 4,
                () -> "the measured revalidations carried bodies: " + n.path("revalidate"));
        // Informers renew a watch when the API server ends it, whatever the reads; anything else would be a read's.
        assertEquals(0, n.path("api_calls_during_load").asInt(-1) - n.path("api_watch_renewals_during_load").asInt(),
                () -> "health reads must not call the Kubernetes API: " + n);
        assertTrue(n.path("memory").path("process_heap_per_app_kib").isNumber(), () -> n.path("memory").toString());
        assertTrue(n.path("memory").path("process_rss_mib").asInt() > 0, () -> n.path("memory").toString());
        if (onPath("kubectl")) {
            assertTrue(n.path("kubectl").path("checklist_ms").asDouble() > 0, () -> n.path("kubectl").toString());
            assertTrue(n.path("kubectl").path("ratio_to_health_get").asDouble() > 1, () -> n.path("kubectl").toString());
        }
    }

    private String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
