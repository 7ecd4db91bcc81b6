package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.config.AuthConfig;
import io.statefulapps.embedded.EmbeddedApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reviews against the embedded API server, counting every request they send. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerReviewsTest {

    private EmbeddedApiServer api;
    private KubernetesClient client;
    private final AtomicInteger requests = new AtomicInteger();
    private final io.statefulapps.testing.ManualClock clock = new io.statefulapps.testing.ManualClock();

    record Settings(Optional<Boolean> enabled, Duration cacheTtl, int cacheSize, Optional<List<String>> audiences)
            implements AuthConfig {
    }

    static final AuthConfig DEFAULTS = new Settings(Optional.empty(), Duration.ofSeconds(10), 100, Optional.empty());

    @BeforeAll
    void start() {
        api = EmbeddedApiServer.start(0);
        Config config = api.newClient().getConfiguration();
        Interceptor counter = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                requests.incrementAndGet();
            }
        };
        client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build();
    }

    @AfterAll
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void aTokenIsReviewedOnceWhileItsAnswerLives() {
        CallerReviews reviews = new CallerReviews(client, DEFAULTS, clock);
        int before = requests.get();
        CallerIdentity jane = reviews.authenticate("user:jane").orElseThrow();
        assertEquals("jane", jane.username());
        assertEquals(jane, reviews.authenticate("user:jane").orElseThrow());
        assertEquals(1, requests.get() - before);
        clock.advance(Duration.ofSeconds(10));
        reviews.authenticate("user:jane");
        assertEquals(2, requests.get() - before);
    }

    @Test
    void aRefusedTokenIsRememberedToo() {
        CallerReviews reviews = new CallerReviews(client, DEFAULTS, clock);
        int before = requests.get();
        assertEquals(Optional.empty(), reviews.authenticate("invalid"));
        assertEquals(Optional.empty(), reviews.authenticate("invalid"));
        assertEquals(1, requests.get() - before);
    }

    @Test
    void accessIsJudgedWithTheCallersGroupsAndRemembered() {
        CallerReviews reviews = new CallerReviews(client, DEFAULTS, clock);
        CallerIdentity reader = reviews.authenticate("user:reader:readonly").orElseThrow();
        AccessCheck create = AccessCheck.of("create", "apps", "statefulsets", "shop");
        AccessCheck list = AccessCheck.of("list", "apps", "statefulsets", "shop");
        int before = requests.get();
        AccessVerdict refused = reviews.decide(reader, create);
        assertFalse(refused.allowed());
        assertTrue(refused.reason().contains("read-only"), refused.reason());
        assertTrue(reviews.decide(reader, list).allowed());
        assertFalse(reviews.decide(reader, create).allowed());
        assertTrue(reviews.decide(reviews.authenticate("user:reader").orElseThrow(), create).allowed(),
                "the same name without the read-only group is another identity");
        assertEquals(4, requests.get() - before, "three distinct questions and one token");
    }

    @Test
    void audiencesAreAskedFor() {
        CallerReviews reviews = new CallerReviews(client,
                new Settings(Optional.empty(), Duration.ofSeconds(10), 100, Optional.of(List.of("stateful-apps"))),
                clock);
        assertTrue(reviews.authenticate("user:jane").isPresent());
    }

    @Test
    void anUnreachableApiIsUnavailableNotUnauthenticated() {
        Config down = new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").withConnectionTimeout(1000)
                .withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(down).build()) {
            CallerReviews reviews = new CallerReviews(unreachable, DEFAULTS, clock);
            assertThrows(ClusterUnavailableException.class, () -> reviews.authenticate("user:jane"));
            CallerIdentity jane = new CallerIdentity("jane", null, List.of(), null);
            assertThrows(ClusterUnavailableException.class,
                    () -> reviews.decide(jane, AccessCheck.of("get", "", "services", "shop")));
        }
    }
}
