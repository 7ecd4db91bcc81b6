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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded cluster's token vocabulary, as its javadoc (and the README) promise it. */
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

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "user:jane, jane, false",
            "user:jane:readonly, jane, true",
            "readonly, embedded-user, true",
            "anything-else, embedded-user, false",
            "user:a:b, a:b, false"})
    void tokensNameTheirUser(String token, String user, boolean readOnly) {
        TokenReview answer = review(token);
        assertTrue(answer.getStatus().getAuthenticated());
        assertEquals(user, answer.getStatus().getUser().getUsername());
        assertTrue(answer.getStatus().getUser().getGroups().contains("system:authenticated"));
        assertEquals(readOnly, answer.getStatus().getUser().getGroups().contains(OpenAccess.READ_ONLY_GROUP));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"invalid", "user:", "user::readonly"})
    void someTokensAreNotAccepted(String token) {
        TokenReview answer = review(token);
        assertFalse(answer.getStatus().getAuthenticated());
        assertEquals(null, answer.getStatus().getUser());
    }

    @Test
    void readOnlyGroupsMayOnlyRead() {
        List<String> readOnly = List.of("system:authenticated", OpenAccess.READ_ONLY_GROUP);
        for (String verb : List.of("get", "list", "watch")) {
            assertTrue(access("jane", readOnly, verb).getStatus().getAllowed(), verb);
        }
        for (String verb : List.of("create", "update", "patch", "delete", "deletecollection")) {
            SubjectAccessReview answer = access("jane", readOnly, verb);
            assertFalse(answer.getStatus().getAllowed(), verb);
            assertTrue(answer.getStatus().getReason().contains(OpenAccess.READ_ONLY_GROUP), answer.getStatus().getReason());
        }
    }

    @Test
    void everyoneElseMayDoAnything() {
        assertTrue(access("jane", List.of("system:authenticated"), "delete").getStatus().getAllowed());
        assertTrue(access("jane", null, "create").getStatus().getAllowed());
    }
}
