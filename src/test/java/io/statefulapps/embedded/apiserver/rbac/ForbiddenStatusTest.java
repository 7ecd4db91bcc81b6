package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 403 answers worded exactly like kube-apiserver's (its responsewriters and apierrors.NewForbidden). */
class ForbiddenStatusTest {

    private static final RbacUser BOB = RbacUser.authenticated("bob", "", List.of(), Map.of());

    private static AuthorizationDecision refused(RequestAttributes request, String reason) {
        return new AuthorizationDecision(false, reason, Optional.empty(), BOB, request);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "list pods in shop | list   | ''   | pods            | ''    | shop | ''    | pods is forbidden: User \"bob\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"",
        "get a pod         | get    | ''   | pods            | ''    | shop | web-0 | pods \"web-0\" is forbidden: User \"bob\" cannot get resource \"pods\" in API group \"\" in the namespace \"shop\"",
        "list nodes        | list   | ''   | nodes           | ''    | ''   | ''    | nodes is forbidden: User \"bob\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
        "create a token    | create | ''   | serviceaccounts | token | shop | app   | serviceaccounts \"app\" is forbidden: User \"bob\" cannot create resource \"serviceaccounts/token\" in API group \"\" in the namespace \"shop\"",
        "create sts        | create | apps | statefulsets    | ''    | shop | ''    | statefulsets.apps is forbidden: User \"bob\" cannot create resource \"statefulsets\" in API group \"apps\" in the namespace \"shop\"",
        "scale sts         | patch  | apps | statefulsets    | scale | shop | web   | statefulsets.apps \"web\" is forbidden: User \"bob\" cannot patch resource \"statefulsets/scale\" in API group \"apps\" in the namespace \"shop\"",
    })
    void resourceRefusals(String what, String verb, String group, String resource, String sub, String namespace,
            String name, String message) {
        var status = refused(RequestAttributes.resource(verb, group, resource, sub, namespace, name), "")
                .forbiddenStatus();
        assertEquals(message, status.path("message").asText());
        assertEquals("Forbidden", status.path("reason").asText());
        assertEquals(403, status.path("code").asInt());
    }

    @Test
    void theWholeStatusOfAResourceRefusal() {
        assertEquals(json("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',"
                + "message:'statefulsets.apps \"web\" is forbidden: User \"bob\" cannot get resource \"statefulsets\""
                + " in API group \"apps\" in the namespace \"shop\"',reason:'Forbidden',"
                + "details:{name:'web',group:'apps',kind:'statefulsets'},code:403}"),
                refused(RequestAttributes.resource("get", "apps", "statefulsets", "", "shop", "web"), "")
                        .forbiddenStatus());
    }

    @Test
    void aNonResourceRefusalNamesThePath() {
        assertEquals(json("{kind:'Status',apiVersion:'v1',metadata:{},status:'Failure',"
                + "message:'forbidden: User \"bob\" cannot get path \"/apis\"',reason:'Forbidden',details:{},"
                + "code:403}"), refused(RequestAttributes.nonResource("get", "/apis"), "").forbiddenStatus());
    }

    @Test
    void theAuthorizersReasonFollowsTheMessage() {
        assertEquals("nodes is forbidden: User \"bob\" cannot list resource \"nodes\" in API group \"\" at the cluster"
                + " scope: RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found",
                refused(RequestAttributes.resource("list", "", "nodes", "", "", ""),
                        "RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found")
                        .forbiddenStatus().path("message").asText());
    }

    @Test
    void whatCouldLookLikeHtmlIsEscaped() {
        assertEquals("forbidden: User \"bob\" cannot get path \"/&lt;script&gt;&amp;\"",
                refused(RequestAttributes.nonResource("get", "/<script>&"), "").forbiddenStatus().path("message")
                        .asText());
    }

    @Test
    void quotesInNamesAreEscapedLikeGosPercentQ() {
        RbacUser odd = RbacUser.authenticated("a\"b", "", List.of(), Map.of());
        assertEquals("forbidden: User \"a\\\"b\" cannot get path \"/x\"",
                new AuthorizationDecision(false, "", Optional.empty(), odd, RequestAttributes.nonResource("get", "/x"))
                        .forbiddenStatus().path("message").asText());
    }
}
