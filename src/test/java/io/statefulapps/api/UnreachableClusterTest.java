package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statefulapps.problem.ProblemType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production profile's behaviour with no cluster: it starts, is not ready, and answers 503. */
@QuarkusTest
@TestProfile(UnreachableClusterTest.NoCluster.class)
class UnreachableClusterTest {

    /** The same unreachable cluster as the caller checks see, with the checks off: this is about the cluster layer. */
    public static class NoCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(
                    new CallerChecksUnreachableClusterTest.RealClusterDown().getConfigOverrides());
            overrides.put("stateful-apps.auth.enabled", "false");
            return overrides;
        }
    }

    @Test
    void writesAnswer503WithRetryAfter() {
        given().contentType("application/json")
                .body("{\"name\":\"down\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}")
                .when().post("/api/v1/namespaces/default/apps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo(ProblemType.CLUSTER_UNAVAILABLE.uri()));
    }

    @Test
    void readsAnswer503() {
        given().when().get("/api/v1/namespaces/default/apps/down")
                .then().statusCode(503).header("Retry-After", equalTo("5"));
    }

    @Test
    void validationStillAnswersWithoutACluster() {
        given().contentType("application/json").body("{\"name\":\"UPPER\"}")
                .when().post("/api/v1/namespaces/default/apps")
                .then().statusCode(422);
    }

    @Test
    void theServiceIsNotReady() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
