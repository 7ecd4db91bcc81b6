package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewAnswersTest {

    private static TokenReviewStatus accepted(String user, List<String> audiences) {
        return new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(audiences)
                .withNewUser().withUsername(user).withUid("u-1").withGroups("system:authenticated", "dev")
                .withExtra(Map.of("scopes", List.of("a"))).endUser().build();
    }

    @Test
    void anAcceptedTokenNamesTheWholeIdentity() {
        assertEquals(Optional.of(new CallerIdentity("jane", "u-1", List.of("system:authenticated", "dev"),
                Map.of("scopes", List.of("a")))), ReviewAnswers.identity(accepted("jane", null), List.of()));
    }

    @Test
    void anythingLessThanAnAcceptedTokenWithAUserIsNoIdentity() {
        assertEquals(Optional.empty(), ReviewAnswers.identity(null, List.of()));
        assertEquals(Optional.empty(), ReviewAnswers.identity(new TokenReviewStatus(), List.of()));
        assertEquals(Optional.empty(), ReviewAnswers.identity(new TokenReviewStatusBuilder().withAuthenticated(false)
                .withNewUser().withUsername("jane").endUser().build(), List.of()));
        assertEquals(Optional.empty(), ReviewAnswers.identity(new TokenReviewStatusBuilder().withAuthenticated(true)
                .build(), List.of()));
        assertEquals(Optional.empty(), ReviewAnswers.identity(accepted("", null), List.of()));
    }

    @Test
    void withAudiencesTheTokenMustBeMeantForOne() {
        List<String> wanted = List.of("stateful-apps");
        assertTrue(ReviewAnswers.identity(accepted("jane", List.of("other", "stateful-apps")), wanted).isPresent());
        assertFalse(ReviewAnswers.identity(accepted("jane", List.of("https://kubernetes.default.svc")), wanted)
                .isPresent());
        assertFalse(ReviewAnswers.identity(accepted("jane", null), wanted).isPresent());
    }

    @Test
    void onlyAnAllowedReviewWithoutExplicitDenialAllows() {
        assertEquals(new AccessVerdict(true, "RBAC: allowed by RoleBinding \"dev\""), ReviewAnswers.verdict(
                new SubjectAccessReviewStatusBuilder().withAllowed(true).withReason("RBAC: allowed by RoleBinding \"dev\"")
                        .build()));
        assertFalse(ReviewAnswers.verdict(new SubjectAccessReviewStatusBuilder().withAllowed(true).withDenied(true)
                .build()).allowed());
        assertFalse(ReviewAnswers.verdict(new SubjectAccessReviewStatusBuilder().withAllowed(false).build()).allowed());
        assertFalse(ReviewAnswers.verdict(new SubjectAccessReviewStatusBuilder().build()).allowed());
        assertFalse(ReviewAnswers.verdict(null).allowed());
    }
}
