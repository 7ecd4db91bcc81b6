package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statefulapps.testing.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kubectl --as}: impersonation allowed by RBAC, refused with the real wording otherwise. */
class ImpersonationTest {

    private static final RbacUser ADMIN = RbacUser.authenticated("kubernetes-admin", "", List.of("system:masters"),
            Map.of());
    private static final RbacUser BOB = RbacUser.authenticated("bob", "", List.of(), Map.of());

    private final InMemoryRbacObjects store = new InMemoryRbacObjects()
            .add("{kind:'ClusterRole',metadata:{name:'as-alice'},rules:[{apiGroups:[''],resources:['users'],"
                    + "resourceNames:['alice'],verbs:['impersonate']}]}")
            .bind("", "bob-as-alice", "ClusterRole", "as-alice", "User", "bob");
    private final RbacAccessControl access = new RbacAccessControl(TokenFile.empty(), store, new ManualClock(), false);

    @Test
    void withoutHeadersTheRequesterActsAsItself() {
        assertSame(BOB, access.impersonate(BOB, Map.of("Accept", List.of("application/json"))));
    }

    @Test
    void anAdminActsAsAnyUserWhoGetsSystemAuthenticated() {
        assertEquals(new RbacUser("jane", "", List.of("system:authenticated"), Map.of()),
                access.impersonate(ADMIN, Map.of("Impersonate-User", List.of("jane"))));
        assertEquals(new RbacUser("jane", "j1", List.of("editors", "system:authenticated"), Map.of("scopes",
                List.of("a", "b"))), access.impersonate(ADMIN, Map.of("impersonate-user", List.of("jane"),
                "Impersonate-Group", List.of("editors"), "Impersonate-Uid", List.of("j1"), "Impersonate-Extra-Scopes",
                List.of("a", "b"))));
    }

    @Test
    void aServiceAccountKeepsItsGroupsUnlessGroupsAreGiven() {
        assertEquals(List.of("system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"),
                access.impersonate(ADMIN, Map.of("Impersonate-User", List.of("system:serviceaccount:shop:app")))
                        .groups());
        assertEquals(List.of("g", "system:authenticated"), access.impersonate(ADMIN, Map.of("Impersonate-User",
                List.of("system:serviceaccount:shop:app"), "Impersonate-Group", List.of("g"))).groups());
    }

    @Test
    void theAnonymousUserGetsSystemUnauthenticated() {
        assertEquals(List.of("system:unauthenticated"),
                access.impersonate(ADMIN, Map.of("Impersonate-User", List.of("system:anonymous"))).groups());
    }

    @Test
    void aUserMayImpersonateWhomARuleAllows() {
        assertEquals("alice", access.impersonate(BOB, Map.of("Impersonate-User", List.of("alice"))).name());
    }

    @Test
    void anythingElseIsForbiddenNamingTheImpersonation() {
        ApiRefusal user = assertThrows(ApiRefusal.class,
                () -> access.impersonate(BOB, Map.of("Impersonate-User", List.of("carol"))));
        assertJson("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',message:'users \"carol\" is forbidden:"
                + " User \"bob\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope',"
                + "reason:'Forbidden',details:{name:'carol',kind:'users'},code:403}", user.status());
        ApiRefusal group = assertThrows(ApiRefusal.class, () -> access.impersonate(BOB,
                Map.of("Impersonate-User", List.of("alice"), "Impersonate-Group", List.of("system:masters"))));
        assertEquals("groups \"system:masters\" is forbidden: User \"bob\" cannot impersonate resource \"groups\" in API"
                + " group \"\" at the cluster scope", group.status().path("message").asText());
        ApiRefusal sa = assertThrows(ApiRefusal.class, () -> access.impersonate(BOB,
                Map.of("Impersonate-User", List.of("system:serviceaccount:shop:app"))));
        assertEquals("serviceaccounts \"app\" is forbidden: User \"bob\" cannot impersonate resource"
                + " \"serviceaccounts\" in API group \"\" in the namespace \"shop\"", sa.status().path("message").asText());
        ApiRefusal extra = assertThrows(ApiRefusal.class, () -> access.impersonate(BOB,
                Map.of("Impersonate-User", List.of("alice"), "Impersonate-Extra-Scope", List.of("x"))));
        assertEquals("userextras.authentication.k8s.io \"x\" is forbidden: User \"bob\" cannot impersonate resource"
                + " \"userextras/scope\" in API group \"authentication.k8s.io\" at the cluster scope",
                extra.status().path("message").asText());
    }

    @Test
    void groupsWithoutAUserAreABadRequest() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class,
                () -> access.impersonate(ADMIN, Map.of("Impersonate-Group", List.of("g"))));
        assertEquals(400, refusal.code());
    }
}
