package io.statefulapps.embedded.apiserver;

import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real kubectl against the written kubeconfig: what a newcomer will type. */
class KubectlTest extends ApiServerTestBase {

    @TempDir
    Path dir;

    private KubectlRunner.Result run(String... args) throws Exception {
        KubectlRunner runner = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
        return runner.run(args);
    }

    @Test
    void kubectlGetsPatchesAndDescribes() throws Exception {
        client.apps().statefulSets().resource(statefulSet("web")).create();
        client.services().resource(service("web")).create();
        client.persistentVolumeClaims().resource(pvc("data-web-0", "1Gi", null)).create();
        client.pods().resource(pod("web-0")).create();

        KubectlRunner.Result get = run("get", "sts,pods,pvc,pv,svc,endpointslices", "-A");
        assertEquals(0, get.code(), get.out());
        assertTrue(get.out().contains("statefulset.apps/web"), get.out());
        assertTrue(get.out().contains("persistentvolumeclaim/data-web-0"), get.out());
        // server-side printing: the real columns, not just NAME and AGE
        assertTrue(get.out().contains("STORAGECLASS") && get.out().contains("CLUSTER-IP"), get.out());
        KubectlRunner.Result pods = run("get", "pods,nodes");
        assertTrue(pods.out().contains("RESTARTS") && pods.out().contains("sim-node-1   Ready"), pods.out());

        KubectlRunner.Result patch = run("patch", "sts", "web", "--type=merge", "-p", "{\"spec\":{\"replicas\":3}}");
        assertEquals(0, patch.code(), patch.out());
        assertEquals(3, client.apps().statefulSets().withName("web").get().getSpec().getReplicas());

        KubectlRunner.Result strategic = run("patch", "sts", "web", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx:1.28\"}]}}}}");
        assertEquals(0, strategic.code(), strategic.out());

        KubectlRunner.Result refused = run("patch", "sts", "web", "--type=merge", "-p", "{\"spec\":{\"serviceName\":\"x\"}}");
        assertTrue(refused.code() != 0 && refused.out().contains("is invalid"), refused.out());

        KubectlRunner.Result scale = run("scale", "sts", "web", "--replicas=4");
        assertEquals(0, scale.code(), scale.out());
        assertEquals(4, client.apps().statefulSets().withName("web").get().getSpec().getReplicas());

        KubectlRunner.Result yaml = run("get", "sts", "web", "-o", "yaml");
        assertEquals(0, yaml.code(), yaml.out());
        assertTrue(yaml.out().contains("image: nginx:1.28") && yaml.out().contains("replicas: 4"), yaml.out());

        KubectlRunner.Result describe = run("describe", "sts", "web");
        assertEquals(0, describe.code(), describe.out());
        assertTrue(describe.out().contains("Replicas:"), describe.out());

        Path manifest = dir.resolve("cm.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: \"1\"\n");
        KubectlRunner.Result apply = run("apply", "-f", manifest.toString());
        assertEquals(0, apply.code(), apply.out());
        KubectlRunner.Result delete = run("delete", "sts", "web");
        assertEquals(0, delete.code(), delete.out());
    }

    // kubectl's typed commands send protobuf bodies; the server reads them and answers JSON

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

    @Test
    void aMalformedLabelSelectorIsTheServersBadRequest() throws Exception {
        KubectlRunner.Result get = run("get", "pods", "-l", "app=db,");
        assertTrue(get.code() != 0, get.out());
        assertTrue(get.out().contains("Error from server (BadRequest)")
                && get.out().contains("found '', expected: identifier after ','"), get.out());
    }
}
