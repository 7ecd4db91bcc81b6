package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.statefulapps.problem.ProblemType;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stored-bytes route and the JAX-RS resource give the same answer: a plain GET takes the route,
 * an Accept that needs negotiating takes the resource, and everything a caller sees is compared.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredHealthRouteTest {

    static final String NS = "health-revalidation";
    static final String APP = "/api/v1/namespaces/{ns}/apps/{name}/health";
    static final String NAME = "routed";
    /** JSON still wins, but only full negotiation knows it: this request takes the resource. */
    static final String NEGOTIATED = "application/json;q=0.9, text/html;q=0.1";

    /** Set on the first test: RestAssured knows the test port only once a test method runs. */
    private boolean settled;

    @BeforeEach
    void settledApp() {
        if (settled) {
            return;
        }
        HealthStoryTest.create(NAME, "nginx:1.27", 1, NS);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response plain = given().get(APP, NS, NAME);
            return "Healthy".equals(plain.jsonPath().getString("status")) && given()
                    .header("If-None-Match", plain.getHeader("ETag")).get(APP, NS, NAME).statusCode() == 304;
        });
        settled = true;
    }

    @Test
    void bothPathsGiveTheSameAnswer() {
        Response routed = given().accept("application/json").get(APP, NS, NAME);
        Response negotiated = given().accept(NEGOTIATED).get(APP, NS, NAME);
        routed.then().statusCode(200).contentType("application/json");
        negotiated.then().statusCode(200).contentType("application/json");
        assertArrayEquals(negotiated.asByteArray(), routed.asByteArray());
        for (String header : new String[] {"ETag", "Cache-Control", "Last-Modified", "Vary"}) {
            assertEquals(negotiated.getHeader(header), routed.getHeader(header), header);
        }
        Response anything = given().accept("*/*").get(APP, NS, NAME);
        assertArrayEquals(routed.asByteArray(), anything.asByteArray());

        Response routedText = given().accept("text/plain").get(APP, NS, NAME);
        Response negotiatedText = given().accept("text/plain;q=0.9, application/xml;q=0.1").get(APP, NS, NAME);
        routedText.then().statusCode(200);
        assertEquals(negotiatedText.getContentType(), routedText.getContentType());
        assertEquals(anyDuration(negotiatedText.asString()), anyDuration(routedText.asString()));
        for (String header : new String[] {"ETag", "Cache-Control", "Last-Modified", "Vary"}) {
            assertEquals(negotiatedText.getHeader(header), routedText.getHeader(header), header);
        }
        assertEquals("Accept", routedText.getHeader("Vary"));
    }

    @Test
    void theTextHasItsOwnWeakTagAndRevalidatesLikeTheJson() {
        String jsonTag = given().get(APP, NS, NAME).getHeader("ETag");
        String textTag = given().accept("text/plain").get(APP, NS, NAME).getHeader("ETag");
        assertTrue(textTag.startsWith("W/\""), textTag);
        assertNotEquals(jsonTag, textTag);
        for (String accept : new String[] {"text/plain", "text/plain;q=0.9, application/xml;q=0.1"}) {
            given().accept(accept).header("If-None-Match", textTag).get(APP, NS, NAME)
                    .then().statusCode(304).header("ETag", equalTo(textTag))
                    .header("Cache-Control", equalTo("private, no-cache")).header("Vary", equalTo("Accept"));
            // The JSON's tag names another representation: the text is sent.
            given().accept(accept).header("If-None-Match", jsonTag).get(APP, NS, NAME).then().statusCode(200);
        }
        given().accept("application/json").header("If-None-Match", textTag).get(APP, NS, NAME).then().statusCode(200);
    }

    @Test
    void theTextSaysHowLongTheVerdictHasLastedWhenItIsRead() {
        String observedAt = given().get(APP, NS, NAME).jsonPath().getString("observedAt");
        // Nothing changes in the settled app, so its report is not computed again; its text still ages.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String line = given().accept("text/plain").get(APP, NS, NAME).asString().lines().findFirst().orElse("");
            return line.matches(".* for ([3-9]|[1-9][0-9])s.*|.* for [0-9]+m.*");
        });
        assertEquals(observedAt, given().get(APP, NS, NAME).jsonPath().getString("observedAt"),
                "the report was not computed again");
    }

    /** Two reads a moment apart may differ in the duration alone. */
    private static String anyDuration(String text) {
        return text.replaceFirst(" for [0-9]+[smhd]", " for …");
    }

    @Test
    void revalidationIsAnsweredTheSameWayOnBothPaths() {
        String tag = given().get(APP, NS, NAME).getHeader("ETag");
        for (String accept : new String[] {"application/json", NEGOTIATED}) {
            given().accept(accept).header("If-None-Match", tag).get(APP, NS, NAME)
                    .then().statusCode(304).header("ETag", equalTo(tag))
                    .header("Cache-Control", equalTo("private, no-cache")).header("Vary", equalTo("Accept"));
            given().accept(accept).header("If-None-Match", "W/" + tag).get(APP, NS, NAME).then().statusCode(304);
            given().accept(accept).header("If-None-Match", "\"stale\"").get(APP, NS, NAME).then().statusCode(200);
        }
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().header("X-Request-Id", "portal-42").get(APP, NS, NAME)
                .then().statusCode(200).header("X-Request-Id", equalTo("portal-42"));
        String first = given().get(APP, NS, NAME).getHeader("X-Request-Id");
        String second = given().header("X-Request-Id", "not sane!").get(APP, NS, NAME).getHeader("X-Request-Id");
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertTrue(first.matches(uuid), first);
        assertTrue(second.matches(uuid), second);
        assertNotEquals(first, second);
    }

    @Test
    void whatTheRouteDoesNotAnswerTheResourceDoes() {
        given().accept("text/plain").get(APP, NS, NAME)
                .then().statusCode(200).contentType(matchesPattern("text/plain.*"))
                .body(matchesPattern("(?s)" + NAME + " in " + NS + ": Healthy.*"));
        String whole = given().accept("text/plain").get(APP, NS, NAME).asString();
        // Rendered from the report read back from its stored JSON: the same first line as the stored text.
        String firstLine = given().accept("text/plain").queryParam("lines", 1).get(APP, NS, NAME)
                .then().statusCode(200).body(matchesPattern("[^\\n]+\\n?")).extract().asString();
        assertEquals(anyDuration(whole.lines().findFirst().orElseThrow()), anyDuration(firstLine));
        given().queryParam("lines", 0).get(APP, NS, NAME).then().statusCode(400);
        given().get(APP, NS, "no-such-app").then().statusCode(404).contentType("application/problem+json");
        given().get(APP, "Bad_Namespace", NAME).then().statusCode(422);
        given().head(APP, NS, NAME).then().statusCode(200).header("ETag", equalTo(given().get(APP, NS, NAME)
                .getHeader("ETag")));
        given().accept("application/xml").get(APP, NS, NAME).then().statusCode(406)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.NOT_ACCEPTABLE.uri()));
    }

    @Test
    void metricsNameTheTemplateNotTheApp() {
        given().get(APP, NS, NAME).then().statusCode(200);
        String scrape = given().get("/q/metrics").asString();
        assertTrue(scrape.contains("uri=\"/api/v1/namespaces/{namespace}/apps/{name}/health\""), "template counted");
        assertFalse(scrape.contains("/apps/" + NAME + "/health"), "no series per app");
    }

    @Test
    void aPathUnderTheRoutesPrefixThatIsNoHealthGetIsNotCountedAsOne() {
        String healthNotFound = "status=\"404\"";
        double before = requestCount(TEMPLATE_URI, healthNotFound);
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/namespaces/{ns}/gadgets/{name}/health", NS, NAME).then().statusCode(404);
        }
        assertEquals(before, requestCount(TEMPLATE_URI, healthNotFound));
        given().get(APP, NS, "no-such-app").then().statusCode(404);
        assertEquals(before + 1, requestCount(TEMPLATE_URI, healthNotFound), "the resource's 404 is one");
    }

    private static final String TEMPLATE_URI = "uri=\"/api/v1/namespaces/{namespace}/apps/{name}/health\"";

    /** The GETs counted in the series whose labels contain every one given. */
    private static double requestCount(String... labels) {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("method=\"GET\""))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
