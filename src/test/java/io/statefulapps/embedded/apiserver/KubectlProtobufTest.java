package io.statefulapps.embedded.apiserver;

import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl's typed commands send protobuf bodies; the embedded server reads them and answers JSON. */
class KubectlProtobufTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    private KubectlRunner.Result run(String... args) throws Exception {
        KubectlRunner runner = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
        return runner.run(args);
    }

    @Test
    void createNamespaceConfigMapAndServiceAsPeopleTypeThem() throws Exception {
        KubectlRunner.Result ns = run("create", "namespace", "shop");
        assertEquals(0, ns.code(), ns.out());
        assertEquals("Active", client.namespaces().withName("shop").get().getStatus().getPhase());

        KubectlRunner.Result cm = run("create", "configmap", "a", "--from-literal=k=v", "-n", "shop");
        assertEquals(0, cm.code(), cm.out());
        assertEquals("v", client.configMaps().inNamespace("shop").withName("a").get().getData().get("k"));

        KubectlRunner.Result svc = run("create", "service", "clusterip", "s", "--tcp=80:8080", "-n", "shop");
        assertEquals(0, svc.code(), svc.out());
        var port = client.services().inNamespace("shop").withName("s").get().getSpec().getPorts().get(0);
        assertEquals(80, port.getPort());
        assertEquals(8080, port.getTargetPort().getIntVal());
    }

    @Test
    void aServerDryRunStoresNothing() throws Exception {
        KubectlRunner.Result dry = run("create", "configmap", "dry", "--from-literal=a=1", "--dry-run=server",
                "-o", "jsonpath={.data.a}");
        assertEquals(0, dry.code(), dry.out());
        assertEquals("1", dry.out().trim());
        assertNull(client.configMaps().inNamespace("default").withName("dry").get());
    }

    @Test
    void aProtobufBodyThatDoesNotDecodeIsABadRequestStatus() throws Exception {
        HttpResponse<String> answer = http("POST", "/api/v1/namespaces", "application/vnd.kubernetes.protobuf",
                "not protobuf");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"reason\":\"BadRequest\""), answer.body());
        assertTrue(answer.body().contains("the object provided is unrecognized (must be of type Namespace)"),
                answer.body());
    }
}
