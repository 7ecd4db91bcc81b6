package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * TokenReview and SubjectAccessReview: create-only, never stored. The embedded cluster has no
 * identity provider; a small, fixed token vocabulary lets tests and people trying the service see
 * both refusals (401 and 403) and successes:
 *
 * <table>
 * <caption>Bearer tokens of the embedded cluster</caption>
 * <tr><th>token</th><th>who</th><th>rights</th></tr>
 * <tr><td>{@code invalid} (or empty)</td><td>nobody: not authenticated</td><td>none (401)</td></tr>
 * <tr><td>{@code user:<name>}</td><td>user {@code <name>}</td><td>everything</td></tr>
 * <tr><td>{@code readonly}</td><td>user {@code embedded-user}</td><td>only get, list and watch</td></tr>
 * <tr><td>{@code user:<name>:readonly}</td><td>user {@code <name>}</td><td>only get, list and watch</td></tr>
 * <tr><td>anything else</td><td>user {@code embedded-user}</td><td>everything</td></tr>
 * </table>
 *
 * <p>Every user is in the group {@code system:authenticated}; read-only ones also in
 * {@value #READ_ONLY_GROUP}, and that group is what the SubjectAccessReview looks at, so a review
 * that does not pass on the caller's groups is not refused: the service must send them. An accepted
 * token is valid for every audience a TokenReview asks about.
 */
final class Reviews {

    static final String DEFAULT_USER = "embedded-user";
    static final String READ_ONLY_GROUP = "embedded:read-only";
    static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
    private static final String USER_PREFIX = "user:";
    private static final String READ_ONLY_SUFFIX = ":readonly";

    private Reviews() {
    }

    static ObjectNode answer(ResourceType type, ObjectNode review) {
        review.put("apiVersion", type.groupVersion()).put("kind", type.kind());
        ObjectNode status = JsonFields.obj(review, "status");
        if (type.plural().equals("tokenreviews")) {
            authenticate(review.path("spec").path("token").asText(""), status);
            if (status.path("authenticated").asBoolean() && review.path("spec").has("audiences")) {
                // Every token is meant for whatever audiences the review asks about.
                status.set("audiences", review.path("spec").get("audiences").deepCopy());
            }
        } else {
            authorize(review.path("spec"), status);
        }
        return review;
    }

    private static void authenticate(String token, ObjectNode status) {
        String name = DEFAULT_USER;
        boolean readOnly = token.equals("readonly");
        if (token.startsWith(USER_PREFIX)) {
            name = token.substring(USER_PREFIX.length());
            if (name.endsWith(READ_ONLY_SUFFIX)) {
                readOnly = true;
                name = name.substring(0, name.length() - READ_ONLY_SUFFIX.length());
            }
        }
        if (token.isEmpty() || token.equals("invalid") || name.isEmpty()) {
            status.put("authenticated", false).put("error", "the embedded simulated cluster does not accept this token");
            return;
        }
        ObjectNode user = status.put("authenticated", true).putObject("user").put("username", name).put("uid", name);
        ArrayNode groups = user.putArray("groups").add("system:authenticated");
        if (readOnly) {
            groups.add(READ_ONLY_GROUP);
        }
    }

    private static void authorize(JsonNode spec, ObjectNode status) {
        String verb = spec.path("resourceAttributes").path("verb").asText("");
        boolean readOnly = false;
        for (JsonNode group : spec.path("groups")) {
            readOnly |= READ_ONLY_GROUP.equals(group.asText());
        }
        if (readOnly && !READ_VERBS.contains(verb)) {
            status.put("allowed", false)
                    .put("reason", "the embedded simulated cluster lets group \"" + READ_ONLY_GROUP + "\" only get, list and watch");
            return;
        }
        status.put("allowed", true).put("reason", "the embedded simulated cluster allows this request");
    }
}
