package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Controllers write from several threads while informers watch: the cache must converge. */
class ConcurrencyTest extends ApiServerTestBase {

    @Test
    void informerCacheConvergesUnderConcurrentWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SharedIndexInformer<Pod> informer = client.pods().withLabel("app", "load").inform()) {
            informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        Pod p = pod("load-" + thread + "-" + i);
                        p.getMetadata().getLabels().put("app", "load");
                        client.pods().resource(p).create();
                        Pod stored = client.pods().withName(p.getMetadata().getName()).get();
                        stored.getStatus().setPhase("Running");
                        client.pods().resource(stored).updateStatus();
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && runningInCache(informer) < 60) {
                Thread.sleep(50);
            }
            assertEquals(60, runningInCache(informer));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long runningInCache(SharedIndexInformer<Pod> informer) {
        return informer.getStore().list().stream().filter(p -> "Running".equals(p.getStatus().getPhase())).count();
    }
}
