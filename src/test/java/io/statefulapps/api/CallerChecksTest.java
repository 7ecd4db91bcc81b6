package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statefulapps.cluster.ApiRequestMetrics;
import io.statefulapps.problem.ProblemType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers' identity and rights on the embedded cluster, checked as on a real one: the cluster knows
 * the callers from a token file ({@code caller-tokens.csv}) and their rights from RoleBindings to the
 * bootstrap ClusterRoles {@code edit} and {@code view}.
 */
@QuarkusTest
@TestProfile(CallerChecksTest.AuthOn.class)
class CallerChecksTest {

    static final String NS = "caller-checks";
    static final String APPS = "/api/v1/namespaces/{ns}/apps";
    static final String SPEC = "{\"name\":\"%s\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}";

    public static class AuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stateful-apps.auth.enabled", "true",
                    "stateful-apps.embedded.token-file", "src/test/resources/caller-tokens.csv");
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    ApiRequestMetrics metrics;

    @Inject
    KubernetesClient client;

    @BeforeEach
    void grantRights() {
        bind("callers-edit", "edit", "jane", "owner", "cache-probe", "counted", "namespace-probe", "scraped");
        bind("callers-view", "view", "reader", "viewer");
    }

    private void bind(String name, String clusterRole, String... users) {
        RoleBinding binding = new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName(clusterRole).endRoleRef()
                .withSubjects(java.util.Arrays.stream(users).map(user -> new SubjectBuilder()
                        .withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(user).build()).toList())
                .build();
        client.rbac().roleBindings().inNamespace(NS).resource(binding).createOr(NonDeletingOperation::update);
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        given().when().get(APPS, NS)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"stateful-apps\""))
                .body("type", equalTo(ProblemType.UNAUTHENTICATED.uri()))
                .body("detail", containsString("Authorization: Bearer"))
                .body("instance", equalTo("/api/v1/namespaces/" + NS + "/apps"));
    }

    @Test
    void aGarbledAuthorizationHeaderIs401() {
        given().header("Authorization", "Basic amFuZTpzZWNyZXQ=").when().get(APPS, NS)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer realm=\"stateful-apps\""));
        given().header("Authorization", "Bearer ").when().get(APPS, NS).then().statusCode(401);
    }

    @Test
    void aTokenTheClusterDoesNotAcceptIs401() {
        given().auth().oauth2("invalid").when().get(APPS, NS)
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"stateful-apps\", error=\"invalid_token\""))
                .body("type", equalTo(ProblemType.UNAUTHENTICATED.uri()));
    }

    @Test
    void aReadOnlyCallerReadsButCannotCreate() {
        given().auth().oauth2("reader-token").when().get(APPS, NS).then().statusCode(200);

        given().auth().oauth2("reader-token").contentType("application/json").body(SPEC.formatted("ro"))
                .when().post(APPS, NS)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.FORBIDDEN.uri()))
                .body("detail", startsWith("User \"reader\" cannot create resource \"statefulsets\" in API group"
                        + " \"apps\" in the namespace \"" + NS + "\""));
        given().auth().oauth2("reader-token").contentType("application/json").body(SPEC.formatted("ro"))
                .when().post(APPS + "?dryRun=true", NS)
                .then().statusCode(403);
        assertNull(client.apps().statefulSets().inNamespace(NS).withName("ro").get());
        assertNull(client.services().inNamespace(NS).withName("ro-headless").get());
    }

    @Test
    void aCallerWithTheRightsCreatesAndReads() {
        given().auth().oauth2("jane-token").contentType("application/json").body(SPEC.formatted("janes"))
                .when().post(APPS, NS)
                .then().statusCode(201);
        given().auth().oauth2("jane-token").when().get(APPS + "/janes/health", NS).then().statusCode(200);
        given().auth().oauth2("jane-token").accept("application/yaml").when().get(APPS + "/janes/manifests", NS)
                .then().statusCode(200);
    }

    @Test
    void reviewsAreCachedSoRepeatedReadsCostTheKubernetesApiNothing() {
        String token = "cache-probe-token";
        double tokenReviewsBefore = count("create", "tokenreviews");
        given().auth().oauth2(token).when().get(APPS, NS).then().statusCode(200);
        double afterFirst = metrics.total();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get(APPS, NS).then().statusCode(200);
        }
        assertEquals(1.0, count("create", "tokenreviews") - tokenReviewsBefore, "one TokenReview for one token");
        assertEquals(afterFirst, metrics.total(), "repeated reads are answered from cached reviews and the watch cache");
    }

    @Test
    void theFirstCallOfACallerAsksOneAccessReviewPerRight() {
        double before = count("create", "subjectaccessreviews");
        given().auth().oauth2("counted-token").when().get(APPS + "/none/manifests", NS).then().statusCode(404);
        // get statefulsets, get services: the rights of GET manifests.
        assertEquals(2.0, count("create", "subjectaccessreviews") - before);
    }

    @Test
    void anInvalidNamespaceIsRefusedBeforeAnyKubernetesCall() {
        double before = metrics.total();
        given().auth().oauth2("namespace-probe-token").when().get("/api/v1/namespaces/Not_A_Namespace/apps")
                .then().statusCode(422).body("type", equalTo(ProblemType.INVALID_SPEC.uri()));
        assertEquals(before, metrics.total(), "no TokenReview, no SubjectAccessReview");
        given().when().get("/api/v1/namespaces/Not_A_Namespace/apps").then().statusCode(401);
    }

    @Test
    void pathsOutsideTheApiAreNeverChecked() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anUnknownApiPathIsA404WithoutAToken() {
        // The filter runs once an endpoint matched; an unknown path reveals nothing a token would protect.
        given().when().get("/api/v1/nothing-here").then().statusCode(404);
    }

    private double count(String verb, String resource) {
        Counter counter = registry.find(ApiRequestMetrics.METER).tag("verb", verb).tag("resource", resource).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theMetricNamesTheReviews() {
        given().auth().oauth2("scraped-token").when().get(APPS, NS).then().statusCode(200);
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.contains("resource=\"tokenreviews\",verb=\"create\""), "tokenreviews counted");
        assertTrue(scrape.contains("resource=\"subjectaccessreviews\",verb=\"create\""), "subjectaccessreviews counted");
    }

    @Test
    void changesNeedTheRightsTheyUseInTheCluster() {
        given().auth().oauth2("owner-token").contentType("application/json").body(SPEC.formatted("guarded"))
                .when().post(APPS, NS).then().statusCode(201);
        given().auth().oauth2("viewer-token").contentType("application/merge-patch+json")
                .body("{\"replicas\":2}").when().patch(APPS + "/guarded", NS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("User \"viewer\" cannot"));
        given().auth().oauth2("viewer-token").when().delete(APPS + "/guarded", NS)
                .then().statusCode(403);
        given().auth().oauth2("owner-token").contentType("application/merge-patch+json")
                .body("{\"replicas\":2}").when().patch(APPS + "/guarded", NS).then().statusCode(200);
        given().auth().oauth2("owner-token").when().delete(APPS + "/guarded?deleteData=true", NS)
                .then().statusCode(200);
    }

    @Test
    void healthIsAnsweredOnlyToCallersWhoMayReadIt() {
        given().auth().oauth2("owner-token").contentType("application/json").body(SPEC.formatted("watched"))
                .when().post(APPS, NS).then().statusCode(201);
        // Once the report is stored, reads take the stored-bytes route: it must check callers the same way.
        String tag = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2("owner-token").get(APPS + "/watched/health", NS).getHeader("ETag"),
                        java.util.Objects::nonNull);
        given().when().get(APPS + "/watched/health", NS)
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"stateful-apps\""));
        given().auth().oauth2("not-a-token").when().get(APPS + "/watched/health", NS)
                .then().statusCode(401).body("type", equalTo(ProblemType.UNAUTHENTICATED.uri()));
        given().auth().oauth2("stranger-token").when().get(APPS + "/watched/health", NS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", startsWith("User \"stranger\" cannot get resource \"statefulsets\""));
        given().auth().oauth2("stranger-token").header("If-None-Match", tag).when().get(APPS + "/watched/health", NS)
                .then().statusCode(403);
        given().auth().oauth2("reader-token").header("If-None-Match", "\"other\"").when().get(APPS + "/watched/health", NS)
                .then().statusCode(200).body("app", equalTo("watched"));
    }
}
