package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.assertJson;
import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statefulapps.testing.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TokenReview, SelfSubjectReview and the access reviews, answered from the same data as requests. */
class AccessReviewsTest {

    private static final String API = "https://kubernetes.default.svc.cluster.local";
    private static final String SAR = "{kind:'SubjectAccessReview',apiVersion:'authorization.k8s.io/v1',"
            + "metadata:{creationTimestamp:null},spec:";

    private final InMemoryRbacObjects store = new InMemoryRbacObjects()
            .add("{kind:'ClusterRole',metadata:{name:'sts'},rules:[{apiGroups:['apps'],resources:['statefulsets'],"
                    + "verbs:['create']}]}", "{kind:'ClusterRole',metadata:{name:'ver'},rules:[{nonResourceURLs:"
                    + "['/version'],verbs:['get']}]}")
            .bind("shop", "bob-sts", "ClusterRole", "sts", "User", "bob")
            .bind("", "devs-ver", "ClusterRole", "ver", "Group", "devs");
    private final RbacAccessControl access = new RbacAccessControl(TokenFile.parse("t-bob,bob,b-1,devs\n", "f"), store,
            new ManualClock(), false);

    @Test
    void aTokenReviewOfAListedToken() {
        assertJson("{kind:'TokenReview',apiVersion:'authentication.k8s.io/v1',metadata:{name:'x'},spec:{token:'t-bob'},"
                + "status:{authenticated:true,user:{username:'bob',uid:'b-1',groups:['devs','system:authenticated']},"
                + "audiences:['" + API + "']}}",
                access.tokenReview(json("{metadata:{name:'x'},spec:{token:'t-bob'}}")));
    }

    @Test
    void aListedTokenIsGoodForWhateverAudiencesAreAsked() {
        assertEquals("[\"a\",\"b\"]", access.tokenReview(json("{spec:{token:'t-bob',audiences:['a','b']}}"))
                .path("status").path("audiences").toString());
    }

    @Test
    void aTokenReviewOfAnUnknownTokenLeavesOutWhatGoLeavesOut() {
        assertJson("{kind:'TokenReview',apiVersion:'authentication.k8s.io/v1',metadata:{creationTimestamp:null},"
                + "spec:{token:'nope'},status:{user:{},error:'invalid bearer token'}}",
                access.tokenReview(json("{spec:{token:'nope'}}")));
    }

    @Test
    void aTokenReviewNeedsAToken() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> access.tokenReview(json("{spec:{}}")));
        assertJson("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',message:"
                + "'token is required for TokenReview in authentication',reason:'BadRequest',code:400}",
                refusal.status());
    }

    @Test
    void aSelfSubjectReviewTellsTheRequesterWhoTheyAre() {
        RbacUser bob = access.authenticate("Bearer t-bob").user().orElseThrow();
        assertJson("{kind:'SelfSubjectReview',apiVersion:'authentication.k8s.io/v1',metadata:{creationTimestamp:"
                + "'2026-01-01T00:00:00Z'},spec:{},status:{userInfo:{username:'bob',uid:'b-1',groups:['devs',"
                + "'system:authenticated']}}}", access.selfSubjectReview(bob, json("{}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{user:'bob',resourceAttributes:{namespace:'shop',verb:'create',group:'apps',resource:'statefulsets'}} | {allowed:true,reason:'RBAC: allowed by RoleBinding \"bob-sts/shop\" of ClusterRole \"sts\" to User \"bob\"'}",
        "{user:'bob',resourceAttributes:{namespace:'other',verb:'create',group:'apps',resource:'statefulsets'}} | {allowed:false}",
        "{user:'eve',groups:['devs'],nonResourceAttributes:{path:'/version',verb:'get'}} | {allowed:true,reason:'RBAC: allowed by ClusterRoleBinding \"devs-ver\" of ClusterRole \"ver\" to Group \"devs\"'}",
        "{user:'eve',nonResourceAttributes:{path:'/version',verb:'get'}} | {allowed:false}",
        "{user:'root',groups:['system:masters'],resourceAttributes:{verb:'delete',resource:'nodes'}} | {allowed:true}",
    })
    void aSubjectAccessReviewDecidesForTheSubjectAsGiven(String spec, String status) {
        assertJson(SAR + spec + ",status:" + status + "}", access.subjectAccessReview(json(SAR + spec + "}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{user:'bob'} | SubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
        "{resourceAttributes:{verb:'get'}} | SubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.user: Invalid value: \"\": at least one of user or group must be specified",
        "{} | SubjectAccessReview.authorization.k8s.io \"\" is invalid: [spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified, spec.user: Invalid value: \"\": at least one of user or group must be specified]",
    })
    void anIncompleteSubjectAccessReviewIsInvalid(String spec, String message) {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> access.subjectAccessReview(json(SAR + spec + "}")));
        assertEquals(422, refusal.code());
        assertEquals(message, refusal.status().path("message").asText());
    }

    @Test
    void bothKindsOfAttributesAtOnceAreInvalid() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> access.selfSubjectAccessReview(
                RbacUser.anonymous(), json("{spec:{resourceAttributes:{verb:'get'},nonResourceAttributes:{verb:'get'}}}")));
        assertEquals("spec.nonResourceAttributes", refusal.status().path("details").path("causes").get(0)
                .path("field").asText());
        assertEquals("SelfSubjectAccessReview", refusal.status().path("details").path("kind").asText());
    }

    @Test
    void aSelfSubjectAccessReviewIsAboutTheRequester() {
        RbacUser bob = access.authenticate("Bearer t-bob").user().orElseThrow();
        String spec = "{resourceAttributes:{namespace:'shop',verb:'create',group:'apps',resource:'statefulsets'}}";
        assertJson("{kind:'SelfSubjectAccessReview',apiVersion:'authorization.k8s.io/v1',metadata:{creationTimestamp:"
                + "null},spec:" + spec + ",status:{allowed:true,reason:'RBAC: allowed by RoleBinding \"bob-sts/shop\""
                + " of ClusterRole \"sts\" to User \"bob\"'}}",
                access.selfSubjectAccessReview(bob, json("{metadata:{creationTimestamp:null},spec:" + spec + "}")));
        RbacUser eve = RbacUser.authenticated("eve", "", List.of(), Map.of());
        assertEquals("{\"allowed\":false}", access.selfSubjectAccessReview(eve, json("{spec:" + spec + "}"))
                .path("status").toString());
    }

    @Test
    void aLocalSubjectAccessReviewIsAboutItsNamespace() {
        String body = "{spec:{user:'bob',resourceAttributes:{namespace:'shop',verb:'create',group:'apps',"
                + "resource:'statefulsets'}}}";
        assertEquals("shop", access.localSubjectAccessReview("shop", json(body)).path("metadata").path("namespace")
                .asText());
        assertEquals(true, access.localSubjectAccessReview("shop", json(body)).path("status").path("allowed")
                .asBoolean());
        ApiRefusal elsewhere = assertThrows(ApiRefusal.class, () -> access.localSubjectAccessReview("other", json(body)));
        assertEquals("LocalSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes.namespace:"
                + " Invalid value: \"shop\": must match metadata.namespace", elsewhere.status().path("message").asText());
        ApiRefusal mismatch = assertThrows(ApiRefusal.class, () -> access.localSubjectAccessReview("shop",
                json("{metadata:{namespace:'other'},spec:{user:'bob',resourceAttributes:{namespace:'shop'}}}")));
        assertEquals(400, mismatch.code());
        ApiRefusal nonResource = assertThrows(ApiRefusal.class, () -> access.localSubjectAccessReview("shop",
                json("{spec:{user:'bob',nonResourceAttributes:{path:'/x',verb:'get'}}}")));
        assertEquals("spec.nonResourceAttributes", nonResource.status().path("details").path("causes").get(0)
                .path("field").asText());
    }

    @Test
    void aRulesReviewListsTheClusterWideRulesThenTheNamespacesSplitByKind() {
        RbacUser bob = access.authenticate("Bearer t-bob").user().orElseThrow();
        String head = "{kind:'SelfSubjectRulesReview',apiVersion:'authorization.k8s.io/v1',metadata:{creationTimestamp:"
                + "null},spec:{},status:";
        assertJson(head + "{resourceRules:[],nonResourceRules:[{verbs:['get'],nonResourceURLs:['/version']}],"
                + "incomplete:false}}", access.selfSubjectRulesReview(bob, json("{spec:{namespace:'other'}}")));
        assertJson(head + "{resourceRules:[{verbs:['create'],apiGroups:['apps'],resources:['statefulsets']}],"
                + "nonResourceRules:[{verbs:['get'],nonResourceURLs:['/version']}],incomplete:false}}",
                access.selfSubjectRulesReview(bob, json("{spec:{namespace:'shop'}}")));
        RbacUser eve = RbacUser.authenticated("eve", "", List.of(), Map.of());
        assertJson(head + "{resourceRules:[],nonResourceRules:[],incomplete:false}}",
                access.selfSubjectRulesReview(eve, json("{spec:{namespace:'shop'}}")));
    }

    @Test
    void aRulesReviewNamesTheRolesItCouldNotFindAndNeedsANamespace() {
        store.bind("shop", "bob-gone", "Role", "gone", "User", "bob");
        RbacUser bob = access.authenticate("Bearer t-bob").user().orElseThrow();
        var status = access.selfSubjectRulesReview(bob, json("{spec:{namespace:'shop'}}")).path("status");
        assertEquals("role.rbac.authorization.k8s.io \"gone\" not found", status.path("evaluationError").asText());
        assertEquals(1, status.path("resourceRules").size(), status.toString());
        ApiRefusal noNamespace = assertThrows(ApiRefusal.class,
                () -> access.selfSubjectRulesReview(bob, json("{spec:{}}")));
        assertEquals(400, noNamespace.code());
        assertEquals("no namespace on request", noNamespace.status().path("message").asText());
    }

    @Test
    void reviewsAreNotRecordedAsRequests() {
        access.subjectAccessReview(json(SAR + "{user:'bob',nonResourceAttributes:{path:'/',verb:'get'}}}"));
        assertEquals(List.of(), access.decisions().all());
    }
}
