package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests resolved as kube-apiserver's request info factory resolves them. */
class RequestAttributesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // method | path                                                   | verb          | group | version | resource | sub | namespace | name
        "GET    | /api/v1/namespaces/shop/pods                              | list             | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?watch=true&resourceVersion=5 | watch            | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?watch=1                      | watch            | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?watch                        | watch            | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?watch=False                  | list             | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?watch=0                      | list             | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/watch/namespaces/shop/pods                        | watch            | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/watch/namespaces/shop/pods/web-0                  | watch            | ''   | v1 | pods | '' | shop | web-0",
        "GET    | /api/v1/namespaces/shop/pods?fieldSelector=metadata.name%3Dweb-0&watch=true | watch | '' | v1 | pods | '' | shop | web-0",
        "GET    | /api/v1/namespaces/shop/pods?fieldSelector=metadata.name%3D%3Dweb-0 | list   | ''   | v1 | pods | '' | shop | web-0",
        "GET    | /api/v1/namespaces/shop/pods?fieldSelector=metadata.name!%3Dweb-0 | list     | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods?fieldSelector=status.phase%3DRunning | list     | ''   | v1 | pods | '' | shop | ''",
        "GET    | /api/v1/namespaces/shop/pods/web-0                        | get              | ''   | v1 | pods | '' | shop | web-0",
        "HEAD   | /api/v1/namespaces/shop/pods/web-0                        | get              | ''   | v1 | pods | '' | shop | web-0",
        "GET    | /api/v1/namespaces/shop/pods/web-0/log                    | get              | ''   | v1 | pods | log | shop | web-0",
        "POST   | /api/v1/namespaces/shop/services                          | create           | ''   | v1 | services | '' | shop | ''",
        "PUT    | /apis/apps/v1/namespaces/shop/statefulsets/web            | update           | apps | v1 | statefulsets | '' | shop | web",
        "PATCH  | /apis/apps/v1/namespaces/shop/statefulsets/web/scale      | patch            | apps | v1 | statefulsets | scale | shop | web",
        "PUT    | /apis/apps/v1/namespaces/shop/statefulsets/web/status     | update           | apps | v1 | statefulsets | status | shop | web",
        "DELETE | /apis/apps/v1/namespaces/shop/statefulsets/web            | delete           | apps | v1 | statefulsets | '' | shop | web",
        "DELETE | /api/v1/namespaces/shop/persistentvolumeclaims            | deletecollection | ''   | v1 | persistentvolumeclaims | '' | shop | ''",
        "POST   | /api/v1/namespaces/shop/serviceaccounts/app/token         | create           | ''   | v1 | serviceaccounts | token | shop | app",
        "GET    | /api/v1/nodes                                             | list             | ''   | v1 | nodes | '' | '' | ''",
        "GET    | /api/v1/pods                                              | list             | ''   | v1 | pods | '' | '' | ''",
        "GET    | /api/v1/namespaces                                        | list             | ''   | v1 | namespaces | '' | '' | ''",
        "GET    | /api/v1/namespaces/shop                                   | get              | ''   | v1 | namespaces | '' | shop | shop",
        "PUT    | /api/v1/namespaces/shop/status                            | update           | ''   | v1 | namespaces | status | shop | shop",
        "PUT    | /api/v1/namespaces/shop/finalize                          | update           | ''   | v1 | namespaces | finalize | shop | shop",
        "POST   | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews    | create           | authorization.k8s.io | v1 | selfsubjectaccessreviews | '' | '' | ''",
        "POST   | /apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings | create     | rbac.authorization.k8s.io | v1 | rolebindings | '' | shop | ''",
        "GET    | /api/v1/proxy/namespaces/shop/pods/web-0/extra            | proxy            | ''   | v1 | pods | '' | shop | web-0",
        "OPTIONS| /api/v1/namespaces/shop/pods                              | ''               | ''   | v1 | pods | '' | shop | ''",
    })
    void resourceRequests(String method, String path, String verb, String group, String version, String resource,
            String subresource, String namespace, String name) {
        RequestAttributes a = RequestAttributes.fromHttp(method, path);
        assertEquals(true, a.resourceRequest(), "resource request");
        assertEquals(verb, a.verb(), "verb");
        assertEquals(group, a.apiGroup(), "group");
        assertEquals(version, a.apiVersion(), "version");
        assertEquals(resource, a.resource(), "resource");
        assertEquals(subresource, a.subresource(), "subresource");
        assertEquals(namespace, a.namespace(), "namespace");
        assertEquals(name, a.name(), "name");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /                  | get    | /",
        "GET    | /api               | get    | /api",
        "GET    | /api/v1            | get    | /api/v1",
        "GET    | /apis              | get    | /apis",
        "GET    | /apis/apps         | get    | /apis/apps",
        "GET    | /apis/apps/v1      | get    | /apis/apps/v1",
        "GET    | /version?timeout=32s | get  | /version",
        "GET    | /healthz/etcd      | get    | /healthz/etcd",
        "POST   | /openapi/v3        | post   | /openapi/v3",
        "HEAD   | /readyz            | head   | /readyz",
        "GET    | /metrics/a/b/c     | get    | /metrics/a/b/c",
        "GET    | /_sim/faults       | get    | /_sim/faults",
    })
    void nonResourceRequests(String method, String path, String verb, String expectedPath) {
        RequestAttributes a = RequestAttributes.fromHttp(method, path);
        assertEquals(false, a.resourceRequest());
        assertEquals(verb, a.verb());
        assertEquals(expectedPath, a.path());
        assertEquals("", a.resource());
    }

    @ParameterizedTest
    @CsvSource({"pods, '', pods, pods", "pods, log, pods/log, pods", "statefulsets, scale, statefulsets/scale, statefulsets.apps"})
    void namesItsResourceLikeMessagesDo(String resource, String sub, String withSub, String qualified) {
        String group = qualified.contains(".") ? "apps" : "";
        RequestAttributes a = RequestAttributes.resource("get", group, resource, sub, "shop", "x");
        assertEquals(withSub, a.resourceWithSubresource());
        assertEquals(qualified, a.qualifiedResource());
    }
}
