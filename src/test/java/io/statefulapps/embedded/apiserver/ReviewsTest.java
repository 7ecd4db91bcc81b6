package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
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

    @Test
    void withoutATokenFileTheRulesReviewListsEverything() {
        SelfSubjectRulesReview rules = client.authorization().v1().selfSubjectRulesReview().create(
                new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace("shop").endSpec().build());
        assertEquals(List.of("*"), rules.getStatus().getResourceRules().get(0).getResources());
        assertEquals(List.of("*"), rules.getStatus().getResourceRules().get(0).getVerbs());
        assertEquals(List.of("*"), rules.getStatus().getNonResourceRules().get(0).getNonResourceURLs());
        assertFalse(rules.getStatus().getIncomplete());
        KubernetesClientException noNamespace = assertThrows(KubernetesClientException.class,
                () -> client.authorization().v1().selfSubjectRulesReview().create(new SelfSubjectRulesReview()));
        assertEquals(400, noNamespace.getCode());
        assertTrue(noNamespace.getMessage().contains("no namespace on request"), noNamespace.getMessage());
    }
}
