package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statefulapps.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Least privilege, proven from what each user asked and what was decided. */
class DecisionRecorderTest {

    private static final String ROLE = "{kind:'ClusterRole',metadata:{name:'svc'},rules:["
            + "{apiGroups:['apps'],resources:['statefulsets'],verbs:['get','create']},"
            + "{apiGroups:[''],resources:['services'],verbs:['create']},"
            + "{nonResourceURLs:['/version'],verbs:['get']}]}";
    private static final RbacUser SVC = RbacUser.authenticated("svc", "", List.of(), Map.of());

    private final InMemoryRbacObjects store = new InMemoryRbacObjects().add(ROLE)
            .bind("", "svc", "ClusterRole", "svc", "User", "svc");
    private final RbacAccessControl access = new RbacAccessControl(TokenFile.empty(), store, new ManualClock(), false);

    private void ask(String method, String path) {
        access.authorize(SVC, RequestAttributes.fromHttp(method, path));
    }

    @Test
    void recordsEachKindOfRequestWithItsDecisionRuleAndCount() {
        ask("POST", "/apis/apps/v1/namespaces/shop/statefulsets");
        ask("POST", "/apis/apps/v1/namespaces/shop/statefulsets");
        ask("POST", "/apis/apps/v1beta1/namespaces/shop/statefulsets");
        ask("DELETE", "/apis/apps/v1/namespaces/shop/statefulsets/web");
        access.authorize(RbacUser.authenticated("other", "", List.of(), Map.of()),
                RequestAttributes.nonResource("get", "/version"));
        List<RecordedRequest> svc = access.decisions().byUser("svc");
        assertEquals(2, svc.size(), svc.toString());
        RecordedRequest create = svc.get(0);
        assertEquals("svc: create apps/statefulsets in shop", create.describe());
        assertEquals(3, create.count(), "API versions count as one");
        assertTrue(create.allowed());
        assertEquals(0, create.allowedBy().orElseThrow().ruleIndex());
        assertEquals("ClusterRole", create.allowedBy().get().roleKind());
        assertEquals("svc: delete apps/statefulsets \"web\" in shop", svc.get(1).describe());
        assertFalse(svc.get(1).allowed());
        assertTrue(svc.get(1).allowedBy().isEmpty());
        assertEquals(3, access.decisions().all().size());
    }

    @Test
    void leastPrivilegeIsProvenWhenEverythingDoneWasNeededAndEveryPermissionWasUsed() {
        ask("GET", "/apis/apps/v1/namespaces/shop/statefulsets/web");
        ask("POST", "/apis/apps/v1/namespaces/shop/statefulsets");
        ask("POST", "/api/v1/namespaces/shop/services");
        ask("GET", "/version");
        RoleCoverage coverage = access.decisions().coverage("svc", json(ROLE));
        assertTrue(coverage.proven(), coverage.describe());
        assertEquals("least privilege proven", coverage.describe());
    }

    @Test
    void coverageNamesWhatTheRoleDoesNotAllowAndWhatWasNeverUsed() {
        ask("GET", "/apis/apps/v1/namespaces/shop/statefulsets/web");
        ask("DELETE", "/api/v1/namespaces/shop/services/web");
        RoleCoverage coverage = access.decisions().coverage("svc", json(ROLE));
        assertFalse(coverage.proven());
        assertEquals(List.of("svc: delete core/services \"web\" in shop"),
                coverage.notAllowed().stream().map(RecordedRequest::describe).toList());
        assertEquals(2, coverage.unusedRules().size());
        assertEquals(List.of("create apps/statefulsets", "create core/services", "get /version"),
                coverage.unusedPermissions());
        assertEquals("""
                not allowed by the role: svc: delete core/services "web" in shop
                rule never used: {"verbs":["create"],"apiGroups":[""],"resources":["services"]}
                rule never used: {"verbs":["get"],"nonResourceURLs":["/version"]}
                permission never used: create apps/statefulsets
                permission never used: create core/services
                permission never used: get /version
                """, coverage.describe());
    }

    @Test
    void aRoleWithResourceNamesIsCoveredOnlyByThoseNames() {
        JsonNode named = json("{rules:[{apiGroups:[''],resources:['configmaps'],resourceNames:['lock'],"
                + "verbs:['get','update']}]}");
        access.authorize(SVC, RequestAttributes.resource("get", "", "configmaps", "", "shop", "lock"));
        access.authorize(SVC, RequestAttributes.resource("update", "", "configmaps", "", "shop", "other"));
        RoleCoverage coverage = access.decisions().coverage("svc", named);
        assertEquals(List.of("update core/configmaps [lock]"), coverage.unusedPermissions());
        assertEquals(1, coverage.notAllowed().size());
    }

    @Test
    void recordsConcurrentDecisionsWithoutLosingOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 2500; i++) {
                    ask("GET", "/apis/apps/v1/namespaces/shop/statefulsets/web");
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(10_000, access.decisions().byUser("svc").get(0).count());
    }

    @Test
    void holdsABoundedNumberOfEntriesAndCountsWhatItDrops() {
        DecisionRecorder recorder = new DecisionRecorder();
        for (int i = 0; i < DecisionRecorder.CAPACITY + 5; i++) {
            recorder.record(new AuthorizationDecision(false, "", Optional.empty(), SVC,
                    RequestAttributes.resource("get", "", "pods", "", "shop", "p" + i)));
        }
        assertEquals(DecisionRecorder.CAPACITY, recorder.all().size());
        assertEquals(5, recorder.dropped());
        recorder.record(new AuthorizationDecision(false, "", Optional.empty(), SVC,
                RequestAttributes.resource("get", "", "pods", "", "shop", "p0")));
        assertEquals(5, recorder.dropped(), "a known entry is still counted");
        recorder.clear();
        assertEquals(List.of(), recorder.all());
        assertEquals(0, recorder.dropped());
    }
}
