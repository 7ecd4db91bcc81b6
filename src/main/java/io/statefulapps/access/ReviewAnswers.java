package io.statefulapps.access;

import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import java.util.List;
import java.util.Optional;

/** Reads the answers of TokenReviews and SubjectAccessReviews, trusting nothing that is not said. */
public final class ReviewAnswers {

    private ReviewAnswers() {
    }

    /**
     * The caller a TokenReview vouches for.
     *
     * @param audiences the audiences the review asked for; when there are some, the token must be
     *        valid for one of them (the API server answers the intersection), so a token minted only
     *        for the API server itself is refused
     */
    public static Optional<CallerIdentity> identity(TokenReviewStatus status, List<String> audiences) {
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null) {
            return Optional.empty();
        }
        UserInfo user = status.getUser();
        if (user.getUsername() == null || user.getUsername().isEmpty()) {
            return Optional.empty();
        }
        if (!audiences.isEmpty()
                && (status.getAudiences() == null || status.getAudiences().stream().noneMatch(audiences::contains))) {
            return Optional.empty();
        }
        return Optional.of(new CallerIdentity(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra()));
    }

    /** Allowed only when the review says so and no authorizer denied it explicitly. */
    public static AccessVerdict verdict(SubjectAccessReviewStatus status) {
        if (status == null) {
            return new AccessVerdict(false, "the access review came back without an answer");
        }
        boolean allowed = Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied());
        return new AccessVerdict(allowed, status.getReason());
    }
}
