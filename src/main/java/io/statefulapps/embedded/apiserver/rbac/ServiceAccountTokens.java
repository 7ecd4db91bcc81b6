package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens for ServiceAccounts, as the TokenRequest API issues and the service-account authenticator
 * checks them: a JWT whose claims are {@code iss}, {@code sub}
 * ({@code system:serviceaccount:<ns>:<name>}), {@code aud}, {@code exp}, {@code iat}, {@code nbf},
 * {@code jti} and {@code kubernetes.io} ({@code namespace}, {@code serviceaccount} name and uid).
 * A token is accepted while its signature is ours, one of its audiences is one asked for (by
 * default the API server's own), it is within its lifetime (with the one-minute leeway of the
 * real validator) and its ServiceAccount still exists with the same uid.
 */
final class ServiceAccountTokens {

    static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    static final List<String> API_AUDIENCES = List.of(ISSUER);
    static final String CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";
    private static final Duration LEEWAY = Duration.ofMinutes(1);

    private final SignedTokens signer;
    private final RbacObjects objects;

    ServiceAccountTokens(SignedTokens signer, RbacObjects objects) {
        this.signer = signer;
        this.objects = objects;
    }

    String mint(JsonNode serviceAccount, List<String> audiences, Instant now, long expirationSeconds) {
        JsonNode meta = serviceAccount.path("metadata");
        String namespace = meta.path("namespace").asText();
        String name = meta.path("name").asText();
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        audiences.forEach(claims.putArray("aud")::add);
        claims.put("exp", now.getEpochSecond() + expirationSeconds);
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", ISSUER);
        claims.put("jti", UUID.randomUUID().toString());
        ObjectNode kubernetes = claims.putObject("kubernetes.io");
        kubernetes.put("namespace", namespace);
        kubernetes.putObject("serviceaccount").put("name", name).put("uid", meta.path("uid").asText());
        claims.put("nbf", now.getEpochSecond());
        claims.put("sub", RbacUser.serviceAccountUser(namespace, name));
        return signer.sign(claims);
    }

    /** The token's user, a refusal, or empty when the token is not one of ours at all. */
    Optional<Authentication> verify(String token, List<String> requestedAudiences, Instant now) {
        Optional<SignedTokens.Opened> opened = signer.open(token);
        if (opened.isEmpty() || !opened.get().claims().path("iss").asText().equals(ISSUER)) {
            return Optional.empty();
        }
        ObjectNode claims = opened.get().claims();
        if (!opened.get().signatureValid()) {
            return Optional.of(Authentication.refused("token signature is invalid"));
        }
        List<String> tokenAudiences = new ArrayList<>();
        claims.path("aud").forEach(a -> tokenAudiences.add(a.asText()));
        List<String> accepted = tokenAudiences.stream().filter(requestedAudiences::contains).toList();
        if (accepted.isEmpty()) {
            return Optional.of(Authentication.refused("token audiences " + goQuoted(tokenAudiences)
                    + " is invalid for the target audiences " + goQuoted(requestedAudiences)));
        }
        String problem = lifetimeProblem(claims, now);
        if (problem == null) {
            problem = accountProblem(claims);
        }
        if (problem != null) {
            return Optional.of(Authentication.refused(problem));
        }
        JsonNode k8s = claims.path("kubernetes.io");
        String namespace = k8s.path("namespace").asText();
        String name = k8s.path("serviceaccount").path("name").asText();
        RbacUser user = RbacUser.authenticated(RbacUser.serviceAccountUser(namespace, name),
                k8s.path("serviceaccount").path("uid").asText(), RbacUser.serviceAccountGroups(namespace),
                Map.of(CREDENTIAL_ID, List.of("JTI=" + claims.path("jti").asText())));
        return Optional.of(Authentication.of(user, accepted));
    }

    private static String lifetimeProblem(JsonNode claims, Instant now) {
        if (now.minus(LEEWAY).getEpochSecond() > claims.path("exp").asLong(0)) {
            return "service account token has expired";
        }
        if (now.plus(LEEWAY).getEpochSecond() < claims.path("nbf").asLong(0)) {
            return "service account token is not valid yet";
        }
        if (now.plus(LEEWAY).getEpochSecond() < claims.path("iat").asLong(0)) {
            return "service account token is issued in the future";
        }
        return null;
    }

    private String accountProblem(JsonNode claims) {
        JsonNode k8s = claims.path("kubernetes.io");
        String namespace = k8s.path("namespace").asText();
        String name = k8s.path("serviceaccount").path("name").asText();
        String claimedUid = k8s.path("serviceaccount").path("uid").asText();
        Optional<JsonNode> account = objects.serviceAccount(namespace, name);
        if (account.isEmpty()) {
            return "serviceaccounts \"" + name + "\" not found";
        }
        JsonNode meta = account.get().path("metadata");
        String uid = meta.path("uid").asText();
        if (!uid.equals(claimedUid)) {
            return "service account UID (" + uid + ") does not match claim (" + claimedUid + ")";
        }
        if (meta.hasNonNull("deletionTimestamp")) {
            return "service account " + namespace + "/" + name + " has been deleted";
        }
        return null;
    }

    /** Go's %q of a string slice: {@code ["a" "b"]}. */
    private static String goQuoted(List<String> values) {
        return "[" + String.join(" ", values.stream().map(StatusBodies::quote).toList()) + "]";
    }
}
