package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.testing.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens: the token file, the admin token, and requests without a token. */
class AuthenticationTest {

    private final TokenFile tokens = TokenFile.parse("t-alice,alice,a-1,\"devs,ops\"\n", "tokens.csv");
    private final RbacAccessControl access = new RbacAccessControl(tokens, new InMemoryRbacObjects(), new ManualClock(), false);

    @Test
    void aListedTokenIsItsUserWithSystemAuthenticated() {
        Authentication a = access.authenticate("Bearer t-alice");
        assertTrue(a.authenticated());
        assertEquals(new RbacUser("alice", "a-1", List.of("devs", "ops", "system:authenticated"), Map.of()),
                a.user().orElseThrow());
        assertEquals(List.of("https://kubernetes.default.svc.cluster.local"), a.audiences());
        assertEquals("", a.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer t-alice", "BEARER t-alice", "  Bearer t-alice  ", "Bearer t-alice extra"})
    void theSchemeIsReadInAnyCaseLikeKubeApiserver(String header) {
        assertEquals("alice", access.authenticate(header).user().orElseThrow().name());
    }

    @Test
    void anUnknownTokenIsRefused() {
        Authentication a = access.authenticate("Bearer nope");
        assertFalse(a.authenticated());
        assertEquals("invalid bearer token", a.error());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer  t-alice", "Basic dXNlcjpwdw==", "t-alice"})
    void withoutABearerTokenARequestIsRefusedUnlessAnonymousRequestsAreAllowed(String header) {
        assertFalse(access.authenticate(header).authenticated());
        RbacAccessControl open = new RbacAccessControl(tokens, new InMemoryRbacObjects(), new ManualClock(), true);
        assertEquals(new RbacUser("system:anonymous", "", List.of("system:unauthenticated"), Map.of()),
                open.authenticate(header).user().orElseThrow());
    }

    @Test
    void aWrongTokenIsRefusedEvenWhenAnonymousRequestsAreAllowed() {
        RbacAccessControl open = new RbacAccessControl(tokens, new InMemoryRbacObjects(), new ManualClock(), true);
        assertFalse(open.authenticate("Bearer nope").authenticated());
    }

    @Test
    void theAdminTokenIsKubernetesAdminInSystemMasters() {
        Authentication a = access.authenticate("Bearer " + access.adminToken());
        assertEquals(new RbacUser("kubernetes-admin", "", List.of("system:masters", "system:authenticated"), Map.of()),
                a.user().orElseThrow());
        assertTrue(access.authorize(a.user().get(), RequestAttributes.resource("delete", "", "nodes", "", "", "n"))
                .allowed());
    }

    @Test
    void eachInstanceHasItsOwnAdminToken() {
        RbacAccessControl other = new RbacAccessControl(tokens, new InMemoryRbacObjects(), new ManualClock(), false);
        assertNotEquals(access.adminToken(), other.adminToken());
        assertFalse(other.authenticate("Bearer " + access.adminToken()).authenticated());
        assertTrue(access.adminToken().length() >= 40, "32 random bytes");
    }

    @Test
    void theUnauthorizedAnswerIsKubeApiserversStatus() {
        assertEquals(json("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',message:'Unauthorized',"
                + "reason:'Unauthorized',code:401}"), Authentication.unauthorizedStatus());
    }
}
