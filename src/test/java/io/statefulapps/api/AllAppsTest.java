package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Everything at a glance, the alerting gauges, and the request id. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllAppsTest {

    static final String GOOD_NS = "glance-a";
    static final String BAD_NS = "glance-b";

    private static String status(String ns, String app) {
        return given().get("/api/v1/namespaces/{ns}/apps/{app}/health", ns, app).jsonPath().getString("status");
    }

    private boolean created;

    @BeforeEach
    void twoAppsOneBroken() {
        if (created) {
            return;
        }
        created = true;
        HealthStoryTest.create("fine", "nginx:1.27", 1, GOOD_NS);
        HealthStoryTest.create("broken", "nginx:pullfail", 1, BAD_NS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Healthy".equals(status(GOOD_NS, "fine"))
                && "Degraded".equals(status(BAD_NS, "broken")));
    }

    private static List<String> names(JsonPath list) {
        return list.getList("items.collect { it.namespace + '/' + it.name }");
    }

    @Test
    void listsAcrossNamespacesFilteredByVerdictAndReason() {
        List<String> all = names(given().get("/api/v1/apps").then().statusCode(200).extract().jsonPath());
        assertTrue(all.containsAll(List.of(GOOD_NS + "/fine", BAD_NS + "/broken")), all.toString());

        JsonPath degraded = given().get("/api/v1/apps?status=Degraded").then().statusCode(200).extract().jsonPath();
        assertTrue(names(degraded).contains(BAD_NS + "/broken"));
        assertFalse(names(degraded).contains(GOOD_NS + "/fine"));
        assertTrue(degraded.getList("items.status").stream().allMatch("Degraded"::equals));

        List<String> pulling = names(given().queryParam("reason", "ImagePullBackOff,ErrImagePull")
                .get("/api/v1/apps").then().statusCode(200).extract().jsonPath());
        assertEquals(List.of(BAD_NS + "/broken"), pulling.stream().filter(n -> n.startsWith("glance")).toList());

        List<String> both = names(given().get("/api/v1/apps?status=Healthy&status=Degraded").jsonPath());
        assertTrue(both.containsAll(List.of(GOOD_NS + "/fine", BAD_NS + "/broken")));

        given().get("/api/v1/apps?status=Sick").then().statusCode(400)
                .body("detail", containsString("Healthy")).body("detail", containsString("'Sick'"));
        given().get("/api/v1/apps?reason=Gremlins").then().statusCode(400);
    }

    @Test
    void pagesAcrossNamespacesInOrder() {
        JsonPath first = given().get("/api/v1/apps?limit=1").then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getList("items").size());
        String next = first.getString("continue");
        JsonPath second = given().queryParam("limit", 1).queryParam("continue", next).get("/api/v1/apps")
                .then().statusCode(200).extract().jsonPath();
        String a = names(first).get(0);
        String b = names(second).get(0);
        assertTrue(a.compareTo(b) < 0, a + " before " + b);
    }

    @Test
    void theDigestNamesWhatNeedsAttentionWorstFirst() {
        String digest = given().accept("text/plain").get("/api/v1/apps").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertTrue(digest.matches("(?s)\\d+ of \\d+ apps? needs? attention:\n.*"), digest);
        assertTrue(digest.contains("- broken in " + BAD_NS + ": Degraded"), digest);
        assertFalse(digest.contains("fine in " + GOOD_NS), digest);
    }

    @Test
    void theDigestCountsEveryPageAndSaysHowToGetTheNext() {
        String whole = given().accept("text/plain").get("/api/v1/apps").then().statusCode(200).extract().asString();
        String header = whole.lines().findFirst().orElseThrow();
        String paged = given().accept("text/plain").queryParam("limit", 1).get("/api/v1/apps").then().statusCode(200)
                .extract().asString();
        assertEquals(header, paged.lines().findFirst().orElseThrow(), "the first line speaks of every page");
        String last = paged.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("\\(more on the next page: \\?continue=[A-Za-z0-9_-]+\\)"), last);
        String token = last.substring(last.indexOf('=') + 1, last.length() - 1);
        given().accept("text/plain").queryParam("limit", 1).queryParam("continue", token).get("/api/v1/apps")
                .then().statusCode(200);
        // A filter that keeps only healthy apps: they are all fine, and the digest says of which apps it speaks.
        String healthy = given().accept("text/plain").queryParam("status", "Healthy").get("/api/v1/apps").then()
                .statusCode(200).extract().asString();
        assertTrue(healthy.matches("(All \\d+ matching apps are fine\\.|The 1 matching app is fine\\.)\n"), healthy);
        String degraded = given().accept("text/plain").queryParam("status", "Degraded").get("/api/v1/apps").then()
                .statusCode(200).extract().asString();
        assertTrue(degraded.matches("(?s)(\\d+) of \\1 matching apps? needs? attention:\n.*"), degraded);
    }

    @Test
    void gaugesSayEachAppsVerdictAndProblemsByReason() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(scrape.contains("stateful_apps_app_health{app=\"broken\",namespace=\"" + BAD_NS
                    + "\",status=\"Degraded\"} 1.0"), "per-app gauge");
            assertTrue(scrape.contains("stateful_apps_app_health{app=\"fine\",namespace=\"" + GOOD_NS
                    + "\",status=\"Healthy\"} 1.0"), "per-app gauge");
            assertFalse(scrape.contains("stateful_apps_app_health{app=\"broken\",namespace=\"" + BAD_NS
                    + "\",status=\"Healthy\"}"), "only the current verdict");
            assertTrue(scrape.matches("(?s).*stateful_apps_problems\\{reason=\"(ImagePullBackOff|ErrImagePull)\"} "
                    + "[1-9].*"), "problems by reason");
            assertTrue(scrape.matches("(?s).*stateful_apps_apps\\{status=\"Degraded\"} [1-9].*"), "apps by verdict");
            assertTrue(scrape.contains("stateful_apps_watch_cache_objects{kind=\"Pod\"}"), "cache sizes");
            assertTrue(scrape.contains("stateful_apps_watch_last_event_age_seconds"), "watch age");
            assertTrue(scrape.matches("(?s).*stateful_apps_reports_computed_total [1-9].*"), "reports computed");
            assertTrue(scrape.contains("http_server_requests_seconds_bucket{"), "latency histogram");
        });
    }

    @Test
    void everyAnswerAndEveryProblemCarriesTheRequestId() {
        given().header("X-Request-Id", "bot-42.req").get("/api/v1/namespaces/{ns}/apps/nothing-here", GOOD_NS)
                .then().statusCode(404).header("X-Request-Id", equalTo("bot-42.req"))
                .body("requestId", equalTo("bot-42.req"));
        String made = given().get("/api/v1/apps").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(made != null && made.length() >= 16, "an id is made when none is sent: " + made);
        String unsafe = given().header("X-Request-Id", "bad id\twith spaces").get("/api/v1/apps").header("X-Request-Id");
        assertFalse(unsafe.contains(" "), "an unsafe id is replaced: " + unsafe);
    }
}
