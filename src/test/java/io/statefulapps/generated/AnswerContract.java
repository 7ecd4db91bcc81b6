package io.statefulapps.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * What every answer of the API must be, whatever was sent: one of the documented statuses (never a
 * 500), and for a 4xx an RFC 9457 problem ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status} equal to the HTTP status, and {@code detail}). Pure.
 */
final class AnswerContract {

    static final Set<Integer> ALLOWED = Set.of(200, 201, 202, 204, 304, 400, 404, 405, 406, 409, 412, 413, 415,
            422, 428);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerContract() {
    }

    /** What is wrong with the answer, or empty when it keeps the contract. */
    static Optional<String> violation(Exchange exchange) {
        Exchange.Answer answer = exchange.answer();
        int status = answer.status();
        if (!ALLOWED.contains(status)) {
            return Optional.of("status " + status + " is not one the API may answer");
        }
        Set<Integer> expected = exchange.request().expected();
        if (!expected.isEmpty() && !expected.contains(status)) {
            return Optional.of("status " + status + ", expected one of " + expected);
        }
        if ("HEAD".equals(exchange.request().method())) {
            return Optional.empty();
        }
        if (isSvg(answer)) {
            // The badge is an image even for an unknown app (a grey "not found" with 404, as documented)
            return status == 200 || status == 404 ? svgViolation(answer) : Optional.of("a " + status + " as an image");
        }
        return status < 400 ? Optional.empty() : problemViolation(answer);
    }

    private static boolean isSvg(Exchange.Answer answer) {
        return answer.contentType() != null && answer.contentType().startsWith("image/svg+xml");
    }

    /** A badge must be well-formed XML whatever name it shows, or browsers show nothing. */
    private static Optional<String> svgViolation(Exchange.Answer answer) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(answer.body())));
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("the badge is not well-formed XML: " + e.getMessage());
        }
    }

    private static Optional<String> problemViolation(Exchange.Answer answer) {
        String type = answer.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
            return Optional.of("a " + answer.status() + " with Content-Type " + type + ", not application/problem+json");
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (Exception e) {
            return Optional.of("the problem body is not JSON: " + e.getMessage());
        }
        if (problem == null || !problem.isObject()) {
            return Optional.of("the problem body is not a JSON object");
        }
        for (String member : new String[] {"type", "title", "detail"}) {
            if (!problem.path(member).isTextual() || problem.path(member).asText().isBlank()) {
                return Optional.of("the problem has no '" + member + "'");
            }
        }
        if (problem.path("status").asInt(-1) != answer.status()) {
            return Optional.of("the problem's status " + problem.path("status") + " is not the answer's " + answer.status());
        }
        return Optional.empty();
    }
}
