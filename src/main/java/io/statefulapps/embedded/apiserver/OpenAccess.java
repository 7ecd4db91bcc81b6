package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Access control of an embedded cluster that checks nobody: every request is allowed. The review
 * objects are answered from a small, fixed token vocabulary, so tests and people trying the service
 * see both refusals (401 and 403) and successes:
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
 * {@value #READ_ONLY_GROUP}, and that group is what a SubjectAccessReview looks at, so a review
 * that does not pass on the caller's groups is not refused: the service must send them. An accepted
 * token is valid for every audience a TokenReview asks about. A TokenRequest mints a random token,
 * which the vocabulary reads as {@code embedded-user}.
 */
final class OpenAccess implements AccessControl {

    static final String DEFAULT_USER = "embedded-user";
    static final String READ_ONLY_GROUP = "embedded:read-only";
    static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
    private static final String USER_PREFIX = "user:";
    private static final String READ_ONLY_SUFFIX = ":readonly";
    private static final long DEFAULT_TOKEN_SECONDS = 3600;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OpenAccess(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UserInfo authenticate(Incoming request) {
        String token = request.bearerToken();
        ObjectNode status = JsonText.object();
        authenticate(token == null ? "" : token, status);
        if (!status.path("authenticated").asBoolean()) {
            return UserInfo.ANONYMOUS;
        }
        JsonNode user = status.path("user");
        List<String> groups = new java.util.ArrayList<>();
        user.path("groups").forEach(g -> groups.add(g.asText()));
        return new UserInfo(user.path("username").asText(), user.path("uid").asText(), groups, java.util.Map.of());
    }

    @Override
    public void authorize(UserInfo user, Incoming request) {
        // everyone may do everything
    }

    @Override
    public ObjectNode reviewToken(ObjectNode review) {
        ObjectNode status = JsonFields.obj(review, "status");
        authenticate(review.path("spec").path("token").asText(""), status);
        if (status.path("authenticated").asBoolean() && review.path("spec").has("audiences")) {
            // Every token is meant for whatever audiences the review asks about.
            status.set("audiences", review.path("spec").get("audiences").deepCopy());
        }
        return review;
    }

    @Override
    public ObjectNode reviewAccess(ObjectNode review, UserInfo caller) {
        JsonNode spec = review.path("spec");
        List<String> groups = new java.util.ArrayList<>();
        if ("SelfSubjectAccessReview".equals(review.path("kind").asText())) {
            groups.addAll(caller.groups());
        } else {
            spec.path("groups").forEach(g -> groups.add(g.asText()));
        }
        authorize(spec.path("resourceAttributes").path("verb").asText(""), groups, JsonFields.obj(review, "status"));
        return review;
    }

    @Override
    public ObjectNode requestToken(ObjectNode serviceAccount, ObjectNode tokenRequest, UserInfo caller) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        long seconds = tokenRequest.path("spec").path("expirationSeconds").asLong(DEFAULT_TOKEN_SECONDS);
        JsonFields.obj(tokenRequest, "status").put("token", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .put("expirationTimestamp", clock.instant().plusSeconds(seconds).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS).toString());
        return tokenRequest;
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

    private static void authorize(String verb, List<String> groups, ObjectNode status) {
        boolean readOnly = groups.contains(READ_ONLY_GROUP);
        if (readOnly && !READ_VERBS.contains(verb)) {
            status.put("allowed", false).put("reason",
                    "the embedded simulated cluster lets group \"" + READ_ONLY_GROUP + "\" only get, list and watch");
            return;
        }
        status.put("allowed", true).put("reason", "the embedded simulated cluster allows this request");
    }
}
