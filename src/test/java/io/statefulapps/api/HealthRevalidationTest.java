package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.statefulapps.cluster.ApiRequestMetrics;
import io.statefulapps.testing.ClusterEdits;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reports are computed ahead of reads: a strong ETag, 304 on revalidation, a new tag when the cluster changes. */
@QuarkusTest
class HealthRevalidationTest {

    static final String NS = "health-revalidation";

    @Inject
    KubernetesClient client;

    @Inject
    ApiRequestMetrics metrics;

    private static Response health(String name, String ifNoneMatch) {
        var request = given().accept("application/json");
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/api/v1/namespaces/{ns}/apps/{name}/health", NS, name);
    }

    @Test
    void unchangedReportsRevalidateForNothingAndChangedOnesCarryANewTag() {
        HealthStoryTest.create("tagged", "nginx:1.27", 1, NS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "Healthy".equals(health("tagged", null).jsonPath().getString("status")));
        // Healthy comes before the last status fields settle: wait until the report stands still.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String tag = health("tagged", null).getHeader("ETag");
            return health("tagged", tag).statusCode() == 304;
        });
        Response first = health("tagged", null);
        first.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", equalTo("private, no-cache"))
                .header("Last-Modified", org.hamcrest.Matchers.matchesPattern(
                        "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
        String tag = first.getHeader("ETag");
        assertEquals('"', tag.charAt(0), "a strong tag: " + tag);

        double before = metrics.total();
        health("tagged", tag).then().statusCode(304).header("ETag", equalTo(tag)).body(emptyString());
        health("tagged", "W/" + tag).then().statusCode(304);
        health("tagged", "\"other\", " + tag).then().statusCode(304);
        health("tagged", "\"other\"").then().statusCode(200).header("ETag", equalTo(tag));
        health("tagged", "*").then().statusCode(304);
        assertEquals(before, metrics.total(), "revalidation must cost the Kubernetes API nothing");

        ClusterEdits.setImage(client, NS, "tagged", "nginx:pullfail");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "Degraded".equals(health("tagged", tag).jsonPath().getString("status")));
        Response changed = health("tagged", tag);
        changed.then().statusCode(200);
        assertNotEquals(tag, changed.getHeader("ETag"));
    }

    @Test
    void anUnknownAppIsNotFoundWhateverTheTag() {
        health("nobody-here", "*").then().statusCode(404).body("status", equalTo(404));
    }
}
