package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.statefulapps.cluster.ClusterRefusedException;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.config.AuthConfig;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.embedded.apiserver.rbac.TokenFile;
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
        api = EmbeddedApiServer.startChecking(0, List.of("shop"), TokenFile.parse(
                "jane-token,jane,uid-jane\nreader-token,reader,uid-reader\n", "caller-reviews"));
        Config config = api.newClient().getConfiguration();
        try (KubernetesClient admin = api.newClient()) {
            admin.rbac().roleBindings().inNamespace("shop").resource(new RoleBindingBuilder().withNewMetadata()
                    .withName("reader-view").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                    .withKind("ClusterRole").withName("view").endRoleRef().addNewSubject()
                    .withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("reader").endSubject()
                    .build()).create();
            admin.rbac().roleBindings().inNamespace("shop").resource(new RoleBindingBuilder().withNewMetadata()
                    .withName("jane-edit").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                    .withKind("ClusterRole").withName("edit").endRoleRef().addNewSubject()
                    .withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("jane").endSubject()
                    .build()).create();
        }
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
        CallerIdentity jane = reviews.authenticate("jane-token").orElseThrow();
        assertEquals("jane", jane.username());
        assertEquals(jane, reviews.authenticate("jane-token").orElseThrow());
        assertEquals(1, requests.get() - before);
        clock.advance(Duration.ofSeconds(10));
        reviews.authenticate("jane-token");
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
        CallerIdentity reader = reviews.authenticate("reader-token").orElseThrow();
        AccessCheck create = AccessCheck.of("create", "apps", "statefulsets", "shop");
        AccessCheck list = AccessCheck.of("list", "apps", "statefulsets", "shop");
        int before = requests.get();
        AccessVerdict refused = reviews.decide(reader, create);
        assertFalse(refused.allowed());
        assertTrue(reviews.decide(reader, list).allowed());
        assertFalse(reviews.decide(reader, create).allowed());
        CallerIdentity readerInEditors = new CallerIdentity("reader", reader.uid(), List.of("system:authenticated",
                "editors"), null);
        assertFalse(reviews.decide(readerInEditors, create).allowed());
        assertEquals(3, requests.get() - before, "the same name with other groups is another identity: a new question");
    }

    @Test
    void audiencesAreAskedFor() {
        CallerReviews reviews = new CallerReviews(client,
                new Settings(Optional.empty(), Duration.ofSeconds(10), 100, Optional.of(List.of("stateful-apps"))),
                clock);
        assertTrue(reviews.authenticate("jane-token").isPresent());
    }

    @Test
    void anUnreachableApiIsUnavailableNotUnauthenticated() {
        Config down = new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").withConnectionTimeout(1000)
                .withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(down).build()) {
            CallerReviews reviews = new CallerReviews(unreachable, DEFAULTS, clock);
            assertThrows(ClusterUnavailableException.class, () -> reviews.authenticate("jane-token"));
            CallerIdentity jane = new CallerIdentity("jane", null, List.of(), null);
            assertThrows(ClusterUnavailableException.class,
                    () -> reviews.decide(jane, AccessCheck.of("get", "", "services", "shop")));
        }
    }

    @Test
    void aThrottledOrFailingReviewIsTheClustersTroubleNotAMissingRight() {
        String faults = api.url() + "/_sim/faults";
        io.restassured.RestAssured.given().relaxedHTTPSValidation().contentType("application/json")
                .body("[{\"verb\":\"create\",\"resource\":\"subjectaccessreviews\",\"status\":429,"
                        + "\"retryAfterSeconds\":1,\"times\":100},{\"verb\":\"create\",\"resource\":\"tokenreviews\","
                        + "\"status\":500,\"times\":100}]").put(faults).then().statusCode(200);
        try (KubernetesClient noRetry = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
                client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build()) {
            CallerReviews reviews = new CallerReviews(noRetry, DEFAULTS, clock);
            assertThrows(ClusterRefusedException.class, () -> reviews.authenticate("reader-token"));
            CallerIdentity jane = new CallerIdentity("jane", null, List.of(), null);
            ClusterRefusedException throttled = assertThrows(ClusterRefusedException.class,
                    () -> reviews.decide(jane, AccessCheck.of("get", "", "services", "shop")));
            assertEquals(429, throttled.status());
        } finally {
            io.restassured.RestAssured.given().relaxedHTTPSValidation().delete(faults).then().statusCode(200);
        }
    }
}
