package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reviews on an embedded cluster without a token file: it checks nobody, and says so. */
class ReviewsTest extends ApiServerTestBase {

    private TokenReview review(String token) {
        return client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
                .withNewMetadata().withName("test").endMetadata().withNewSpec().withToken(token).endSpec().build());
    }

    private SubjectAccessReview access(String user, List<String> groups, String verb) {
        return client.authorization().v1().subjectAccessReview().create(new SubjectAccessReviewBuilder()
                .withNewMetadata().withName("test").endMetadata()
                .withNewSpec().withUser(user).withGroups(groups)
                .withNewResourceAttributes().withVerb(verb).withGroup("apps").withResource("statefulsets")
                .withNamespace("shop").endResourceAttributes().endSpec().build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"user:jane", "anything-else", "readonly"})
    void withoutATokenFileEveryTokenIsTheSameUser(String token) {
        TokenReview answer = review(token);
        assertTrue(answer.getStatus().getAuthenticated());
        assertEquals(OpenAccess.DEFAULT_USER, answer.getStatus().getUser().getUsername());
        assertEquals(List.of("system:authenticated"), answer.getStatus().getUser().getGroups());
    }

    @Test
    void anEmptyTokenIsNotAccepted() {
        TokenReview answer = review("");
        assertFalse(answer.getStatus().getAuthenticated());
        assertEquals(null, answer.getStatus().getUser());
    }

    @Test
    void withoutATokenFileEveryAccessIsAllowed() {
        for (String verb : List.of("get", "list", "watch", "create", "delete")) {
            assertTrue(access("jane", List.of("system:authenticated"), verb).getStatus().getAllowed(), verb);
        }
    }
}
