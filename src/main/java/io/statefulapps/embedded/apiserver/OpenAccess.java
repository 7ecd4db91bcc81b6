package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Access control of an embedded cluster that checks nobody (no token file): every request is
 * allowed. Reviews answer accordingly, so the service's caller checks can be switched on against
 * it: any non-empty token is user {@value #DEFAULT_USER} in group {@code system:authenticated}, for
 * every audience; every access review is allowed. Refusals need the token file and RBAC
 * ({@code rbac.EnforcingAccess}).
 */
final class OpenAccess implements AccessControl {

    static final String DEFAULT_USER = "embedded-user";
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
        JsonFields.obj(review, "status").put("allowed", true)
                .put("reason", "the embedded simulated cluster checks nobody: every request is allowed");
        return review;
    }

    /** What kube-apiserver's AlwaysAllow authorizer lists: every verb on everything. */
    @Override
    public ObjectNode reviewRules(ObjectNode review, UserInfo caller) {
        if (review.path("spec").path("namespace").asText("").isEmpty()) {
            throw ApiException.badRequest("no namespace on request");
        }
        ObjectNode answer = JsonText.object().put("kind", review.path("kind").asText())
                .put("apiVersion", review.path("apiVersion").asText());
        answer.putObject("metadata").putNull("creationTimestamp");
        answer.putObject("spec");
        ObjectNode status = answer.putObject("status");
        ObjectNode everything = status.putArray("resourceRules").addObject();
        everything.putArray("verbs").add("*");
        everything.putArray("apiGroups").add("*");
        everything.putArray("resources").add("*");
        ObjectNode everyPath = status.putArray("nonResourceRules").addObject();
        everyPath.putArray("verbs").add("*");
        everyPath.putArray("nonResourceURLs").add("*");
        status.put("incomplete", false);
        return answer;
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
        if (token.isBlank()) {
            status.put("authenticated", false).put("error", "a token is required");
            return;
        }
        ObjectNode user = status.put("authenticated", true).putObject("user").put("username", DEFAULT_USER)
                .put("uid", DEFAULT_USER);
        user.putArray("groups").add("system:authenticated");
    }
}
