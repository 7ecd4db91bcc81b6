package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Badges: a well-formed SVG image with the verdict word, revalidated with its tag; grey for an unknown app. */
@QuarkusTest
class HealthBadgeTest {

    static final String NS = "health-badge";

    private static Document svg(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String texts(Document doc) {
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        return all.toString();
    }

    @Test
    void theBadgeIsAnSvgImageWithTheVerdictWord() throws Exception {
        HealthStoryTest.create("badged", "nginx:1.27", 1, NS);
        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .get("/api/v1/namespaces/{ns}/apps/badged/badge.svg", NS).asString().contains(">Healthy<"));
        Response badge = given().get("/api/v1/namespaces/{ns}/apps/badged/badge.svg", NS);
        badge.then().statusCode(200).contentType(startsWith("image/svg+xml"));
        Document doc = svg(badge.asString());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("badged|Healthy|", texts(doc));
        assertTrue(badge.asString().contains("#18be52"), "Healthy is green");
        String tag = badge.getHeader("ETag");
        given().header("If-None-Match", tag).get("/api/v1/namespaces/{ns}/apps/badged/badge.svg", NS)
                .then().statusCode(304).header("ETag", equalTo(tag));
    }

    @Test
    void anUnknownAppGetsAGreyNotFoundBadgeWith404() throws Exception {
        Response badge = given().get("/api/v1/namespaces/{ns}/apps/<nobody>/badge.svg", NS);
        badge.then().statusCode(404).contentType(startsWith("image/svg+xml"));
        assertEquals("<nobody>|not found|", texts(svg(badge.asString())), "the name is escaped, not injected");
    }

    @Test
    void aClientThatAsksOnlyForTheProblemTypeGetsTheImageAndOneAskingForJsonA406() {
        HealthStoryTest.create("badge-accept", "nginx:1.27", 1, NS);
        given().accept("application/problem+json").get("/api/v1/namespaces/{ns}/apps/badge-accept/badge.svg", NS)
                .then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().accept("application/problem+json").get("/api/v1/namespaces/{ns}/apps/nobody/badge.svg", NS)
                .then().statusCode(404).contentType(startsWith("image/svg+xml"));
        given().accept("application/json").get("/api/v1/namespaces/{ns}/apps/badge-accept/badge.svg", NS)
                .then().statusCode(406).contentType(startsWith("application/problem+json"));
    }
}
