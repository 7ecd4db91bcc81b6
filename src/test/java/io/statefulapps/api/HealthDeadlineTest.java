package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Time alone changes a verdict: a load balancer that gets no address is Progressing, then Degraded
 * once its deadline passes, although nothing in the cluster changes any more. The stored report
 * follows without being asked.
 */
@QuarkusTest
@TestProfile(ShortTimesProfile.class)
class HealthDeadlineTest {

    static final String NS = "health-deadline";

    private static JsonPath health() {
        return given().accept("application/json").get("/api/v1/namespaces/{ns}/apps/lonely/health", NS)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aLoadBalancerWithoutAddressTurnsDegradedWhenItsDeadlinePasses() {
        // No pods (replicas 0): once the Services exist nothing in the cluster changes any more.
        given().contentType("application/json")
                .body("{\"name\":\"lonely\",\"image\":\"nginx:1.27\",\"replicas\":0,\"ports\":[{\"port\":80}],"
                        + "\"service\":{\"type\":\"LoadBalancer\","
                        + "\"annotations\":{\"stateful-apps.io/simulate-no-lb\":\"true\"}}}")
                .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> health().getList("problems.reason").contains("LoadBalancerProvisioning"));
        assertEquals("Progressing", health().getString("status"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> health().getList("problems.reason").contains("LoadBalancerPending"));
        JsonPath late = health();
        assertEquals("Degraded", late.getString("status"));
        assertTrue(late.getList("problems.reason").stream().noneMatch("LoadBalancerProvisioning"::equals),
                late.prettify());
    }
}
