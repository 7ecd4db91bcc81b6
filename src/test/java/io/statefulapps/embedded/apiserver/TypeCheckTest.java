package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A value of the wrong type is refused as kube-apiserver's typed decoding refuses it, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeCheckTest extends ApiServerTestBase {

    private static final String SETS = "/apis/apps/v1/namespaces/default/statefulsets";

    @Test
    void aStringWhereAnIntegerGoesIsA400InTheRealServersWords() throws Exception {
        String body = """
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"bad"},
                 "spec":{"replicas":"three","serviceName":"bad","selector":{"matchLabels":{"app":"bad"}},
                 "template":{"metadata":{"labels":{"app":"bad"}},"spec":{"containers":[{"name":"a","image":"nginx"}]}}}}""";
        HttpResponse<String> created = http("POST", SETS, "application/json", body);
        assertEquals(400, created.statusCode(), created.body());
        assertTrue(created.body().contains("StatefulSet in version \\\"v1\\\" cannot be handled as a StatefulSet: json:"
                + " cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32"),
                created.body());
        assertEquals(404, http("GET", SETS + "/bad", null, null).statusCode(), "nothing was stored");
    }

    @Test
    void aPatchWithAValueOfTheWrongTypeLeavesTheObjectAsItWas() throws Exception {
        client.resource(statefulSet("typed")).inNamespace("default").create();
        String version = client.apps().statefulSets().inNamespace("default").withName("typed").get().getMetadata()
                .getResourceVersion();
        HttpResponse<String> patched = http("PATCH", SETS + "/typed", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":\"x\"}}");
        assertEquals(400, patched.statusCode(), patched.body());
        assertTrue(patched.body().contains("cannot unmarshal string into Go struct field"), patched.body());
        HttpResponse<String> nested = http("PATCH", SETS + "/typed", "application/strategic-merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":"
                        + "\"eighty\"}]}]}}}}");
        assertEquals(400, nested.statusCode(), nested.body());
        assertEquals(version, client.apps().statefulSets().inNamespace("default").withName("typed").get()
                .getMetadata().getResourceVersion(), "the object is unchanged");
        // Well typed, the same patch goes through.
        assertEquals(200, http("PATCH", SETS + "/typed", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3}}").statusCode());
    }
}
