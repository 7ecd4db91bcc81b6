package io.statefulapps.access;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.cluster.KubernetesFailures;
import io.statefulapps.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Asks the Kubernetes API who a caller is (TokenReview) and whether that caller may do something
 * (SubjectAccessReview), and remembers the answers briefly so that a portal polling many apps
 * costs the API server almost nothing. An unreachable API is a {@link ClusterUnavailableException};
 * a refused review means this service's own account lacks {@code system:auth-delegator}.
 */
@ApplicationScoped
public class CallerReviews {

    private static final Logger LOG = Logger.getLogger(CallerReviews.class);

    /** Reviews are never stored, so a real API server ignores the name; the embedded one wants one. */
    static final String REVIEW_NAME = "stateful-apps-api";

    /** A cached SubjectAccessReview: the whole identity, since groups and extra change the answer. */
    private record Question(CallerIdentity caller, AccessCheck check) {
    }

    private final KubernetesClient client;
    private final List<String> audiences;
    private final ExpiringCache<String, Optional<CallerIdentity>> identities;
    private final ExpiringCache<Question, AccessVerdict> verdicts;

    public CallerReviews(KubernetesClient client, AuthConfig config, Clock clock) {
        this.client = client;
        this.audiences = config.audiences().orElse(List.of());
        this.identities = new ExpiringCache<>(clock, config.cacheTtl(), config.cacheSize());
        this.verdicts = new ExpiringCache<>(clock, config.cacheTtl(), config.cacheSize());
    }

    /** The token's owner, or empty when the API server does not accept the token. */
    public Optional<CallerIdentity> authenticate(String token) {
        // Keyed by a digest: the cache then holds no usable credential.
        return identities.get(digest(token), () -> reviewToken(token));
    }

    public AccessVerdict decide(CallerIdentity caller, AccessCheck check) {
        return verdicts.get(new Question(caller, check), () -> reviewAccess(caller, check));
    }

    private Optional<CallerIdentity> reviewToken(String token) {
        TokenReview review = new TokenReviewBuilder()
                .withNewMetadata().withName(REVIEW_NAME).endMetadata()
                .withNewSpec().withToken(token).withAudiences(audiences.isEmpty() ? null : audiences).endSpec()
                .build();
        TokenReview answer = ask("token review", "tokenreviews",
                () -> client.authentication().v1().tokenReviews().create(review));
        TokenReviewStatus status = answer == null ? null : answer.getStatus();
        Optional<CallerIdentity> identity = ReviewAnswers.identity(status, audiences);
        if (identity.isEmpty()) {
            LOG.debugf("A token was not accepted%s", status == null || status.getError() == null ? ""
                    : ": " + status.getError());
        }
        return identity;
    }

    private AccessVerdict reviewAccess(CallerIdentity caller, AccessCheck check) {
        SubjectAccessReview review = new SubjectAccessReviewBuilder()
                .withNewMetadata().withName(REVIEW_NAME).endMetadata()
                .withNewSpec()
                .withUser(caller.username())
                .withUid(caller.uid())
                .withGroups(caller.groups().isEmpty() ? null : caller.groups())
                .withExtra(caller.extra().isEmpty() ? null : caller.extra())
                .withNewResourceAttributes()
                .withVerb(check.verb())
                .withGroup(check.group())
                .withResource(check.resource())
                .withNamespace(check.namespace())
                .endResourceAttributes()
                .endSpec()
                .build();
        SubjectAccessReview answer = ask("access review", "subjectaccessreviews",
                () -> client.authorization().v1().subjectAccessReview().create(review));
        SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
        if (status != null && status.getEvaluationError() != null) {
            LOG.debugf("Access review of %s had an evaluation error: %s", check, status.getEvaluationError());
        }
        return ReviewAnswers.verdict(status);
    }

    private static RuntimeException failure(String what, String resource, KubernetesClientException e) {
        RuntimeException translated = KubernetesFailures.translate(what, e);
        if (translated instanceof ClusterUnavailableException) {
            return translated;
        }
        if (e.getCode() == 429 || e.getCode() >= 500) {
            // throttled, or the API server's own trouble: transient, as for any other call (503, Retry-After)
            return translated;
        }
        // Not the caller's fault and not transient: this service may not ask.
        return new IllegalStateException("The Kubernetes API refused this service's " + what + " (HTTP " + e.getCode()
                + "): its service account needs 'create' on " + resource
                + " (the ClusterRole system:auth-delegator grants it). " + translated.getMessage(), e);
    }

    private static String digest(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One review sent to the API server; a failure says which review and which right the service lacks. */
    private <T> T ask(String what, String resource, Supplier<T> review) {
        try {
            return review.get();
        } catch (KubernetesClientException e) {
            throw failure(what, resource, e);
        }
    }
}
