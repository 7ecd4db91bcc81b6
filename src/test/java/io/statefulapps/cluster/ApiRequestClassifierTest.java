package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRequestClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/namespaces/ns/pods, list, pods",
        "GET, /api/v1/namespaces/ns/pods?watch=true&resourceVersion=1, watch, pods",
        "GET, /api/v1/namespaces/ns/pods/eureka-0, get, pods",
        "GET, /apis/apps/v1/namespaces/ns/statefulsets/eureka, get, statefulsets",
        "PUT, /apis/apps/v1/namespaces/ns/statefulsets/eureka/status, update, statefulsets/status",
        "POST, /api/v1/namespaces/ns/services, create, services",
        "PATCH, /api/v1/namespaces/ns/services/eureka, patch, services",
        "DELETE, /api/v1/namespaces/ns/persistentvolumeclaims/data-eureka-0, delete, persistentvolumeclaims",
        "DELETE, /api/v1/namespaces/ns/persistentvolumeclaims, deletecollection, persistentvolumeclaims",
        "GET, /api/v1/persistentvolumes, list, persistentvolumes",
        "GET, /api/v1/persistentvolumes/pvc-1, get, persistentvolumes",
        "GET, /api/v1/namespaces/ns, get, namespaces",
        "POST, /apis/authentication.k8s.io/v1/tokenreviews, create, tokenreviews",
        "GET, /version, get, discovery",
    })
    void namesRequestsLikeTheAuditLog(String method, String uri, String verb, String resource) {
        var classified = ApiRequestClassifier.classify(method, URI.create("https://k8s:6443" + uri));
        assertEquals(verb, classified.verb());
        assertEquals(resource, classified.resource());
    }
}
