package io.statefulapps.embedded;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.embedded.apiserver.rbac.RecordedRequest;
import io.statefulapps.embedded.apiserver.rbac.RoleCoverage;
import io.statefulapps.embedded.apiserver.rbac.TokenFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fabric8 clients against an embedded API server that checks its callers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckedCallersTest {

    private EmbeddedApiServer api;
    private KubernetesClient admin;

    @BeforeAll
    void start() {
        api = EmbeddedApiServer.startChecking(0, List.of("shop"),
                TokenFile.parse("t-svc,svc,s1\nt-bob,bob,b1\n", "tokens.csv"));
        admin = api.newClient();
    }

    @AfterAll
    void stop() {
        admin.close();
        api.close();
    }

    @Test
    void withoutAKnownTokenEveryRequestIs401() {
        try (KubernetesClient nobody = api.newClient("nope")) {
            KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                    () -> nobody.configMaps().inNamespace("shop").list());
            assertEquals(401, refused.getCode());
        }
    }

    @Test
    void theDecisionsProveThatAClusterRoleGrantsExactlyWhatAClientUses() {
        ClusterRole role = new ClusterRoleBuilder().withNewMetadata().withName("svc-role").endMetadata()
                .addNewRule().withApiGroups("").withResources("configmaps").withVerbs("get", "create").endRule()
                .build();
        admin.rbac().clusterRoles().resource(role).create();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("svc-role").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole",
                        "svc-role").addNewSubject().withKind("User").withName("svc").endSubject().build()).create();
        try (KubernetesClient svc = api.newClient("t-svc")) {
            svc.configMaps().inNamespace("shop").resource(configMap("made-by-svc")).create();
            assertEquals("made-by-svc", svc.configMaps().inNamespace("shop").withName("made-by-svc").get()
                    .getMetadata().getName());
            RoleCoverage exact = api.decisions().coverage("svc", InMemoryJson.of(role));
            assertTrue(exact.proven(), exact.describe());

            KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                    () -> svc.configMaps().inNamespace("shop").withName("made-by-svc").delete());
            assertEquals(403, refused.getCode());
            assertTrue(refused.getMessage().contains("configmaps \"made-by-svc\" is forbidden: User \"svc\" cannot"
                    + " delete resource \"configmaps\" in API group \"\" in the namespace \"shop\""),
                    refused.getMessage());
        }
        RoleCoverage after = api.decisions().coverage("svc", InMemoryJson.of(role));
        assertFalse(after.proven());
        assertEquals(List.of("svc: delete core/configmaps \"made-by-svc\" in shop"),
                after.notAllowed().stream().map(RecordedRequest::describe).toList());
        RecordedRequest create = api.decisions().byUser("svc").stream()
                .filter(r -> r.request().verb().equals("create")).findFirst().orElseThrow();
        assertEquals("ClusterRoleBinding \"svc-role\" of ClusterRole \"svc-role\" to User \"svc\"",
                create.allowedBy().orElseThrow().describe());
    }

    @Test
    void reviewsAnswerFromTheSameTokensAndRules() {
        admin.serviceAccounts().inNamespace("shop").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("reviewed").endMetadata().build()).create();
        String token = admin.serviceAccounts().inNamespace("shop").withName("reviewed")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        TokenReview review = admin.resource(new TokenReviewBuilder()
                .withNewSpec().withToken(token).endSpec().build()).create();
        assertTrue(review.getStatus().getAuthenticated());
        assertEquals("system:serviceaccount:shop:reviewed", review.getStatus().getUser().getUsername());
        assertTrue(review.getStatus().getUser().getGroups().containsAll(
                List.of("system:serviceaccounts", "system:serviceaccounts:shop")));
        TokenReview bogus = admin.resource(new TokenReviewBuilder()
                .withNewSpec().withToken("bogus").endSpec().build()).create();
        assertFalse(Boolean.TRUE.equals(bogus.getStatus().getAuthenticated()));

        SubjectAccessReview bob = admin.authorization().v1().subjectAccessReview().create(
                new SubjectAccessReviewBuilder().withNewSpec().withUser("bob").withNewResourceAttributes()
                        .withVerb("list").withResource("pods").withNamespace("shop").endResourceAttributes()
                        .endSpec().build());
        assertFalse(bob.getStatus().getAllowed());
        SubjectAccessReview master = admin.authorization().v1().subjectAccessReview().create(
                new SubjectAccessReviewBuilder().withNewSpec().withUser("root").withGroups("system:masters")
                        .withNewResourceAttributes().withVerb("delete").withResource("pods").withNamespace("shop")
                        .endResourceAttributes().endSpec().build());
        assertTrue(master.getStatus().getAllowed());
    }

    @Test
    void informersWatchOverHttpsWithTheAdminToken() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SharedIndexInformer<ConfigMap> informer = admin.configMaps().inNamespace("shop").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ConfigMap obj) {
                        seen.add(obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                        seen.add(newObj.getMetadata().getName());
                    }

                    @Override
                    public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                        // not needed
                    }
                });
        try {
            await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            admin.configMaps().inNamespace("shop").resource(configMap("after-sync")).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after-sync"));
        } finally {
            informer.close();
        }
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(Map.of("a", "1"))
                .build();
    }
}
