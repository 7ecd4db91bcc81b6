package io.statefulapps.embedded.apiserver.rbac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * kube-apiserver's bearer-token authentication with a token file, ServiceAccount tokens and the
 * embedded cluster's admin token (user {@code kubernetes-admin}, group {@code system:masters}, the
 * identity of the kubeconfig it writes). A request without a bearer token is anonymous when
 * anonymous requests are allowed and refused otherwise; a bearer token nobody accepts is always
 * refused, with kube-apiserver's {@code invalid bearer token} error.
 */
final class Authenticator {

    static final String ADMIN_USER = "kubernetes-admin";
    private static final String INVALID = "invalid bearer token";

    private final TokenFile tokenFile;
    private final ServiceAccountTokens serviceAccountTokens;
    private final byte[] adminTokenDigest;
    private final boolean anonymousAllowed;
    private final Clock clock;

    Authenticator(TokenFile tokenFile, ServiceAccountTokens serviceAccountTokens, String adminToken,
            boolean anonymousAllowed, Clock clock) {
        this.tokenFile = tokenFile;
        this.serviceAccountTokens = serviceAccountTokens;
        this.adminTokenDigest = digest(adminToken);
        this.anonymousAllowed = anonymousAllowed;
        this.clock = clock;
    }

    static RbacUser admin() {
        return RbacUser.authenticated(ADMIN_USER, "", List.of(RbacUser.MASTERS), Map.of());
    }

    /** A request's identity from its {@code Authorization} header (null when absent). */
    Authentication authenticateHeader(String authorization) {
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            return anonymousAllowed ? Authentication.of(RbacUser.anonymous(), ServiceAccountTokens.API_AUDIENCES)
                    : Authentication.refused("");
        }
        return authenticateToken(token.get(), ServiceAccountTokens.API_AUDIENCES);
    }

    /** A token's owner for the given audiences, as a TokenReview answers it. */
    Authentication authenticateToken(String token, List<String> audiences) {
        Optional<RbacUser> listed = tokenFile.user(token);
        if (listed.isPresent()) {
            return Authentication.of(listed.get(), audiences);
        }
        if (MessageDigest.isEqual(adminTokenDigest, digest(token))) {
            return Authentication.of(admin(), audiences);
        }
        Optional<Authentication> serviceAccount = serviceAccountTokens.verify(token, audiences, clock.instant());
        if (serviceAccount.isEmpty()) {
            return Authentication.refused(INVALID);
        }
        Authentication result = serviceAccount.get();
        return result.authenticated() ? result : Authentication.refused("[" + INVALID + ", " + result.error() + "]");
    }

    /** Like kube-apiserver: {@code Bearer <token>}, scheme in any case; anything else is no token. */
    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split(" ", 3);
        if (parts.length < 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    /** Compared by digest, in constant time, so the admin token's length and bytes do not leak. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
