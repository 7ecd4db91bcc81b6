package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A throttled request is sent once more after the server's Retry-After, never more. */
class ThrottleRetryTest {

    static final String PATH = "/api/v1/namespaces/shop/configmaps/cm";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client = server.createClient(b -> b.withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(
                server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build())
                .withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("throttle-retry", new ThrottleRetry())));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static Status tooMany(int retryAfter) {
        return new StatusBuilder().withStatus("Failure").withCode(429).withReason("TooManyRequests")
                .withMessage("Too many requests, please try again later.").withNewDetails()
                .withRetryAfterSeconds(retryAfter).endDetails().build();
    }

    private int requests() throws InterruptedException {
        int count = 0;
        while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            count++;
        }
        return count;
    }

    @Test
    void oneThrottledAnswerIsRetriedAfterItsRetryAfter() throws Exception {
        server.expect().get().withPath(PATH).andReturn(429, tooMany(1)).withHeader("Retry-After", "1").once();
        server.expect().get().withPath(PATH).andReturn(200, new ConfigMapBuilder().withNewMetadata().withName("cm")
                .endMetadata().build()).once();
        long started = System.nanoTime();
        assertNotNull(client.configMaps().inNamespace("shop").withName("cm").get());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waited >= 750, "waited " + waited + " ms, the Retry-After less the jitter");
        assertEquals(2, requests());
    }

    @Test
    void aSecondThrottledAnswerReachesTheCallerWithTheServersRetryAfter() throws Exception {
        server.expect().get().withPath(PATH).andReturn(429, tooMany(7)).withHeader("Retry-After", "0").times(5);
        KubernetesClientException e = assertThrows(KubernetesClientException.class,
                () -> client.configMaps().inNamespace("shop").withName("cm").get());
        assertEquals(429, e.getCode());
        ClusterRefusedException refused = (ClusterRefusedException) KubernetesFailures.translate("read", e);
        assertEquals(7, refused.retryAfterSeconds());
        assertEquals(2, requests(), "one retry, no storm");
    }

    @Test
    void waitsAreCappedAndJittered() {
        assertEquals(ThrottleRetry.MAX_WAIT_MILLIS, ThrottleRetry.waitMillis("3600"));
        assertEquals(ThrottleRetry.DEFAULT_WAIT_MILLIS, ThrottleRetry.waitMillis("Wed, 21 Oct 2015 07:28:00 GMT"));
        for (int i = 0; i < 100; i++) {
            long jittered = ThrottleRetry.jittered(1000);
            assertTrue(jittered >= 800 && jittered <= 1200, String.valueOf(jittered));
        }
    }
}
