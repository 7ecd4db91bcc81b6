package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The embedded API server's authentication and authorization, one instance per server: who a
 * request comes from ({@link #authenticate}, then {@link #impersonate}), whether it may proceed
 * ({@link #authorize}, recorded in {@link #decisions()}), and the APIs answered from the same data
 * (TokenRequest, TokenReview, SelfSubjectReview, the three access reviews and the rules review). Rules are read
 * from {@link RbacObjects} on every decision. Tokens are signed with a key made for this instance,
 * so they are valid only against it. Thread-safe.
 */
public final class RbacAccessControl {

    private final String adminToken;
    private final Clock clock;
    private final Authenticator authenticator;
    private final RbacAuthorizer authorizer;
    private final TokenRequestAnswer tokenRequests;
    private final AccessReviews reviews;
    private final DecisionRecorder decisions = new DecisionRecorder();

    /**
     * @param tokens the static token file ({@link TokenFile#empty()} for none)
     * @param objects the stored RBAC objects and ServiceAccounts
     * @param anonymousAllowed whether requests without a bearer token act as {@code system:anonymous}
     *     (kube-apiserver's {@code --anonymous-auth}); if not, they are answered 401
     */
    public RbacAccessControl(TokenFile tokens, RbacObjects objects, Clock clock, boolean anonymousAllowed) {
        SecureRandom random = new SecureRandom();
        this.adminToken = randomText(random);
        this.clock = clock;
        ServiceAccountTokens serviceAccountTokens = new ServiceAccountTokens(
                new SignedTokens(randomBytes(random), randomText(random).substring(0, 16)), objects);
        this.authenticator = new Authenticator(tokens, serviceAccountTokens, adminToken, anonymousAllowed, clock);
        this.authorizer = new RbacAuthorizer(objects);
        this.tokenRequests = new TokenRequestAnswer(objects, serviceAccountTokens);
        this.reviews = new AccessReviews(authenticator, authorizer);
    }

    /** The bearer token of user {@code kubernetes-admin} in group {@code system:masters}, for the kubeconfig. */
    public String adminToken() {
        return adminToken;
    }

    /** The requester of a request with this {@code Authorization} header (null when absent). */
    public Authentication authenticate(String authorizationHeader) {
        return authenticator.authenticateHeader(authorizationHeader);
    }

    /**
     * The user an authenticated request acts as, given its headers (any case): the requester, or
     * whom it impersonates when allowed to.
     *
     * @throws ApiRefusal 403 naming the impersonation refused, or 400
     */
    public RbacUser impersonate(RbacUser requester, Map<String, List<String>> headers) {
        return Impersonation.actingUser(requester, headers, this::authorize);
    }

    /** Decides, and records the decision. */
    public AuthorizationDecision authorize(RbacUser user, RequestAttributes request) {
        AuthorizationDecision decision = authorizer.authorize(user, request);
        decisions.record(decision);
        return decision;
    }

    public DecisionRecorder decisions() {
        return decisions;
    }

    /**
     * {@code POST /api/v1/namespaces/<namespace>/serviceaccounts/<name>/token}: the answer (201).
     *
     * @throws ApiRefusal 404 without the ServiceAccount, 422 for an invalid request, 400
     */
    public ObjectNode tokenRequest(String namespace, String serviceAccount, ObjectNode body) {
        return tokenRequests.answer(namespace, serviceAccount, body, clock.instant());
    }

    /** {@code POST /apis/authentication.k8s.io/v1/tokenreviews}: the answer (201), or ApiRefusal 400. */
    public ObjectNode tokenReview(ObjectNode body) {
        return reviews.tokenReview(body);
    }

    /** {@code POST /apis/authentication.k8s.io/v1/selfsubjectreviews} ({@code kubectl auth whoami}). */
    public ObjectNode selfSubjectReview(RbacUser requester, ObjectNode body) {
        return reviews.selfSubjectReview(requester, body, clock.instant());
    }

    /** {@code POST /apis/authorization.k8s.io/v1/subjectaccessreviews}: the answer (201), or ApiRefusal 422. */
    public ObjectNode subjectAccessReview(ObjectNode body) {
        return reviews.subjectAccessReview(body);
    }

    /** {@code POST .../selfsubjectaccessreviews} ({@code kubectl auth can-i}) for the acting user. */
    public ObjectNode selfSubjectAccessReview(RbacUser requester, ObjectNode body) {
        return reviews.selfSubjectAccessReview(requester, body);
    }

    /** {@code POST .../selfsubjectrulesreviews} ({@code kubectl auth can-i --list}) for the acting user. */
    public ObjectNode selfSubjectRulesReview(RbacUser requester, ObjectNode body) {
        return reviews.selfSubjectRulesReview(requester, body);
    }

    /** {@code POST /apis/authorization.k8s.io/v1/namespaces/<namespace>/localsubjectaccessreviews}. */
    public ObjectNode localSubjectAccessReview(String namespace, ObjectNode body) {
        return reviews.localSubjectAccessReview(namespace, body);
    }

    private static byte[] randomBytes(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(SecureRandom random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(random));
    }
}
