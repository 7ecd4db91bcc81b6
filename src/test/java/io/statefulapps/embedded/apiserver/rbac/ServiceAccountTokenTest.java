package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.assertJson;
import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.testing.ManualClock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TokenRequest ({@code kubectl create token}) and the tokens it mints, accepted and refused. */
class ServiceAccountTokenTest {

    private static final String API = "https://kubernetes.default.svc.cluster.local";

    private final ManualClock clock = new ManualClock();
    private final InMemoryRbacObjects store = new InMemoryRbacObjects().serviceAccount("shop", "app", "uid-1");
    private final RbacAccessControl access = new RbacAccessControl(TokenFile.empty(), store, clock, false);

    private String mint(String body) {
        return access.tokenRequest("shop", "app", json(body)).path("status").path("token").asText();
    }

    private Authentication bearer(String token) {
        return access.authenticate("Bearer " + token);
    }

    @Test
    void answersTheTokenRequestAsTheApiDoes() {
        ObjectNode answer = access.tokenRequest("shop", "app", json("{kind:'TokenRequest',"
                + "apiVersion:'authentication.k8s.io/v1',metadata:{creationTimestamp:null},spec:{}}"));
        String token = answer.path("status").path("token").asText();
        assertJson("{kind:'TokenRequest',apiVersion:'authentication.k8s.io/v1',metadata:{creationTimestamp:"
                + "'2026-01-01T00:00:00Z',name:'app',namespace:'shop'},spec:{audiences:['" + API + "'],"
                + "expirationSeconds:3600,boundObjectRef:null},status:{token:'" + token + "',"
                + "expirationTimestamp:'2026-01-01T01:00:00Z'}}", answer);
    }

    @Test
    void theTokenIsTheServiceAccountWithItsGroups() {
        Authentication a = bearer(mint("{}"));
        RbacUser user = a.user().orElseThrow();
        assertEquals("system:serviceaccount:shop:app", user.name());
        assertEquals("uid-1", user.uid());
        assertEquals(List.of("system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"),
                user.groups());
        assertTrue(user.extra().get("authentication.kubernetes.io/credential-id").get(0).startsWith("JTI="));
    }

    @Test
    void theTokenIsAJwtWithTheClaimsOfARealOne() throws Exception {
        String[] parts = mint("{spec:{audiences:['a','b'],expirationSeconds:7200}}").split("\\.");
        assertEquals(3, parts.length);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.path("alg").asText());
        long now = clock.instant().getEpochSecond();
        assertEquals(List.of("a", "b"), List.of(claims.path("aud").get(0).asText(), claims.path("aud").get(1).asText()));
        assertEquals(now + 7200, claims.path("exp").asLong());
        assertEquals(now, claims.path("iat").asLong());
        assertEquals(now, claims.path("nbf").asLong());
        assertEquals(API, claims.path("iss").asText());
        assertEquals("system:serviceaccount:shop:app", claims.path("sub").asText());
        assertEquals(json("{namespace:'shop',serviceaccount:{name:'app',uid:'uid-1'}}"), claims.path("kubernetes.io"));
    }

    @Test
    void aTokenWorksWithinItsDurationAndTheValidatorsMinuteOfLeeway() {
        String token = mint("{spec:{expirationSeconds:600}}");
        clock.advance(Duration.ofSeconds(600 + 60));
        assertTrue(bearer(token).authenticated());
        clock.advance(Duration.ofSeconds(1));
        Authentication late = bearer(token);
        assertFalse(late.authenticated());
        assertEquals("[invalid bearer token, service account token has expired]", late.error());
    }

    @Test
    void theExpirationTimestampFollowsTheDuration() {
        assertEquals("2026-01-02T00:00:00Z", access.tokenRequest("shop", "app", json("{spec:{expirationSeconds:86400}}"))
                .path("status").path("expirationTimestamp").asText());
    }

    @Test
    void aTokenForOtherAudiencesIsNoTokenForTheApiServerButPassesTheirReview() {
        String token = mint("{spec:{audiences:['vault']}}");
        Authentication a = bearer(token);
        assertFalse(a.authenticated());
        assertEquals("[invalid bearer token, token audiences [\"vault\"] is invalid for the target audiences"
                + " [\"" + API + "\"]]", a.error());
        ObjectNode review = access.tokenReview(json("{spec:{token:'" + token + "',audiences:['vault','other']}}"));
        assertTrue(review.path("status").path("authenticated").asBoolean());
        assertEquals("[\"vault\"]", review.path("status").path("audiences").toString());
    }

    @Test
    void aTokenOfADeletedServiceAccountStopsWorking() {
        String token = mint("{}");
        store.remove("ServiceAccount", "shop", "app");
        assertEquals("[invalid bearer token, serviceaccounts \"app\" not found]", bearer(token).error());
        store.serviceAccount("shop", "app", "uid-2");
        assertEquals("[invalid bearer token, service account UID (uid-2) does not match claim (uid-1)]",
                bearer(token).error());
    }

    @Test
    void aServiceAccountBeingDeletedHasNoValidTokens() {
        String token = mint("{}");
        store.remove("ServiceAccount", "shop", "app");
        store.add("{kind:'ServiceAccount',metadata:{namespace:'shop',name:'app',uid:'uid-1',"
                + "deletionTimestamp:'2026-01-01T00:00:00Z'}}");
        assertEquals("[invalid bearer token, service account shop/app has been deleted]", bearer(token).error());
    }

    @Test
    void aTamperedTokenOrOneFromAnotherClusterIsRefused() {
        String token = mint("{}");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("shop", "shoq").getBytes()) + "." + parts[2];
        assertEquals("[invalid bearer token, token signature is invalid]", bearer(forged).error());
        RbacAccessControl other = new RbacAccessControl(TokenFile.empty(), store, clock, false);
        assertFalse(other.authenticate("Bearer " + token).authenticated());
        assertEquals("invalid bearer token", bearer(parts[0] + "." + parts[1]).error(), "not a JWT: nobody's token");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{spec:{expirationSeconds:599}}   | 422 | TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes",
        "{spec:{expirationSeconds:4294967297}} | 422 | TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds",
        "{spec:{expirationSeconds:'1h'}}  | 400 | json: cannot unmarshal string into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64",
        "{metadata:{name:'other'}}        | 422 | TokenRequest.authentication.k8s.io \"app\" is invalid: metadata.name: Invalid value: \"other\": must match the service account name if specified",
        "{metadata:{namespace:'other'}}   | 422 | TokenRequest.authentication.k8s.io \"app\" is invalid: metadata.namespace: Invalid value: \"other\": must match the service account namespace if specified",
        "{spec:{boundObjectRef:{kind:'Pod',apiVersion:'v1',name:'p'}}} | 400 | the embedded API server does not bind tokens to objects (spec.boundObjectRef)",
    })
    void refusesWhatTheApiRefuses(String body, int code, String message) {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> access.tokenRequest("shop", "app", json(body)));
        assertEquals(code, refusal.code());
        assertEquals(message, refusal.status().path("message").asText());
    }

    @Test
    void theInvalidAnswerListsItsCause() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class,
                () -> access.tokenRequest("shop", "app", json("{spec:{expirationSeconds:60}}")));
        assertJson("{group:'authentication.k8s.io',kind:'TokenRequest',causes:[{reason:'FieldValueInvalid',"
                + "message:'Invalid value: 60: may not specify a duration less than 10 minutes',"
                + "field:'spec.expirationSeconds'}]}", refusal.status().path("details"));
        assertEquals("Invalid", refusal.status().path("reason").asText());
    }

    @Test
    void aTokenForAServiceAccountThatDoesNotExistIsNotFound() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> access.tokenRequest("shop", "nobody", null));
        assertEquals(json("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',message:"
                + "'serviceaccounts \"nobody\" not found',reason:'NotFound',details:{name:'nobody',kind:"
                + "'serviceaccounts'},code:404}"), refusal.status());
    }

    @Test
    void theServiceAccountsTokenIsAuthorizedAsTheServiceAccount() {
        store.add("{kind:'Role',metadata:{namespace:'shop',name:'r'},rules:[{apiGroups:['apps'],"
                + "resources:['statefulsets'],verbs:['list']}]}")
                .bind("shop", "app-r", "Role", "r", "ServiceAccount", "app");
        RbacUser sa = bearer(mint("{}")).user().orElseThrow();
        assertTrue(access.authorize(sa, RequestAttributes.resource("list", "apps", "statefulsets", "", "shop", ""))
                .allowed());
        assertFalse(access.authorize(sa, RequestAttributes.resource("list", "apps", "statefulsets", "", "x", ""))
                .allowed());
    }
}
