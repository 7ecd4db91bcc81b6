package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statefulapps.problem.ProblemType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production default: on a real cluster callers are checked without anything configured, and a
 * Kubernetes API that cannot be reached to check them is a 503 to retry, never a way in.
 */
@QuarkusTest
@TestProfile(CallerChecksUnreachableClusterTest.RealClusterDown.class)
class CallerChecksUnreachableClusterTest {

    public static class RealClusterDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stateful-apps.cluster", "external",
                    "quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:9",
                    "quarkus.kubernetes-client.connection-timeout", "PT1S",
                    "quarkus.kubernetes-client.request-retry-backoff-limit", "0");
        }
    }

    @Test
    void callersAreCheckedByDefaultOnARealCluster() {
        given().when().get("/api/v1/namespaces/default/apps")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"stateful-apps\""));
        given().contentType("application/json").body("{\"name\":\"UPPER\"}")
                .when().post("/api/v1/namespaces/default/apps")
                .then().statusCode(401);
    }

    @Test
    void aTokenThatCannotBeReviewedIs503WithRetryAfter() {
        given().auth().oauth2("some-token").when().get("/api/v1/namespaces/default/apps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo(ProblemType.CLUSTER_UNAVAILABLE.uri()));
    }
}
