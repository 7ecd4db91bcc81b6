package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The TokenRequest subresource ({@code POST .../serviceaccounts/<name>/token}, what
 * {@code kubectl create token} sends), answered like kube-apiserver: the body's name and namespace
 * must match the URL when given; {@code spec.expirationSeconds} defaults to an hour and must lie
 * between ten minutes and 2^32 seconds; {@code spec.audiences} defaults to the API server's own;
 * the answer is the request with {@code metadata} filled in and {@code status.token} and
 * {@code status.expirationTimestamp}. Tokens bound to objects ({@code spec.boundObjectRef}) are not
 * offered.
 */
final class TokenRequestAnswer {

    static final String GROUP = "authentication.k8s.io";
    static final String KIND = "TokenRequest";
    static final long DEFAULT_SECONDS = 3600;
    static final long MIN_SECONDS = 600;
    static final long MAX_SECONDS = 1L << 32;

    private final RbacObjects objects;
    private final ServiceAccountTokens tokens;

    TokenRequestAnswer(RbacObjects objects, ServiceAccountTokens tokens) {
        this.objects = objects;
        this.tokens = tokens;
    }

    ObjectNode answer(String namespace, String name, ObjectNode body, Instant now) {
        ObjectNode request = body == null ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
        JsonNode meta = request.path("metadata");
        checkMatches(meta, "name", name, "must match the service account name if specified", name);
        checkMatches(meta, "namespace", namespace, "must match the service account namespace if specified", name);
        JsonNode account = objects.serviceAccount(namespace, name)
                .orElseThrow(() -> new ApiRefusal(StatusBodies.notFound("", "serviceaccounts", name)));
        JsonNode spec = request.path("spec");
        long seconds = expirationSeconds(spec);
        if (spec.hasNonNull("boundObjectRef")) {
            throw new ApiRefusal(StatusBodies.badRequest(
                    "the embedded API server does not bind tokens to objects (spec.boundObjectRef)"));
        }
        List<String> audiences = new ArrayList<>();
        spec.path("audiences").forEach(a -> audiences.add(a.asText()));
        if (audiences.isEmpty()) {
            audiences.addAll(ServiceAccountTokens.API_AUDIENCES);
        }
        String token = tokens.mint(account, audiences, now, seconds);
        return render(request, namespace, name, audiences, seconds, token, now);
    }

    private static void checkMatches(JsonNode meta, String field, String expected, String detail, String name) {
        String given = meta.path(field).asText("");
        if (!given.isEmpty() && !given.equals(expected)) {
            throw new ApiRefusal(StatusBodies.invalid(GROUP, KIND, name, List.of(new StatusBodies.Cause(
                    "metadata." + field, StatusBodies.invalidValue(given, detail)))));
        }
    }

    private static long expirationSeconds(JsonNode spec) {
        JsonNode given = spec.path("expirationSeconds");
        if (given.isMissingNode() || given.isNull()) {
            return DEFAULT_SECONDS;
        }
        if (!given.canConvertToExactIntegral() || !given.canConvertToLong()) {
            throw new ApiRefusal(StatusBodies.badRequest("json: cannot unmarshal " + goType(given)
                    + " into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64"));
        }
        long seconds = given.asLong();
        String problem = seconds < MIN_SECONDS ? "may not specify a duration less than 10 minutes"
                : seconds > MAX_SECONDS ? "may not specify a duration larger than 2^32 seconds" : null;
        if (problem != null) {
            throw new ApiRefusal(StatusBodies.invalid(GROUP, KIND, "", List.of(new StatusBodies.Cause(
                    "spec.expirationSeconds", StatusBodies.invalidValue(seconds, problem)))));
        }
        return seconds;
    }

    private static String goType(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "number " + value.asText();
        };
    }

    private static ObjectNode render(ObjectNode request, String namespace, String name, List<String> audiences,
            long seconds, String token, Instant now) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("kind", KIND).put("apiVersion", GROUP + "/v1");
        ObjectNode meta = request.path("metadata") instanceof ObjectNode m ? m : JsonNodeFactory.instance.objectNode();
        meta.put("name", name).put("namespace", namespace).put("creationTimestamp", timestamp(now));
        answer.set("metadata", meta);
        ObjectNode spec = answer.putObject("spec");
        ArrayNode list = spec.putArray("audiences");
        audiences.forEach(list::add);
        spec.put("expirationSeconds", seconds);
        spec.putNull("boundObjectRef");
        answer.putObject("status").put("token", token)
                .put("expirationTimestamp", timestamp(now.plusSeconds(seconds)));
        return answer;
    }

    /** RFC 3339 with whole seconds, as Kubernetes serializes times. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
