package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.statefulapps.testing.KubectlRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinds a deployment of the service needs, served as faithfully as the trio's. */
class KindsTest extends ApiServerTestBase {

    private static final String MANIFESTS = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: api}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: api-reader}
            rules: [{apiGroups: ["apps"], resources: ["statefulsets"], verbs: ["get", "list", "watch"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: api-reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: api-reader}
            subjects: [{kind: ServiceAccount, name: api, namespace: default}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader}
            rules: [{apiGroups: [""], resources: ["pods"], verbs: ["get"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: pod-reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
            subjects: [{kind: User, name: bob}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 2
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {serviceAccountName: api, containers: [{name: api, image: "api:1"}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: api}
            spec: {minAvailable: 1, selector: {matchLabels: {app: api}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api}
            spec: {podSelector: {matchLabels: {app: api}}, ingress: [{ports: [{port: 8080}]}]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: api}
            stringData: {token: "s3cret"}
            """;

    @TempDir
    Path dir;

    private KubectlRunner.Result kubectl(String... args) throws Exception {
        return new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache")).run(args);
    }

    @Test
    void kubectlApplyOfAKustomizationCreatesEveryKindAndShowsTheirColumns() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("all.yaml"), MANIFESTS);
        Files.writeString(base.resolve("kustomization.yaml"), "resources:\n- all.yaml\n");
        KubectlRunner.Result applied = kubectl("apply", "-k", base.toString());
        assertEquals(0, applied.code(), applied.out());
        assertTrue(applied.out().contains("deployment.apps/api created")
                && applied.out().contains("poddisruptionbudget.policy/api created")
                && applied.out().contains("networkpolicy.networking.k8s.io/api created")
                && applied.out().contains("clusterrolebinding.rbac.authorization.k8s.io/api-reader created"),
                applied.out());
        KubectlRunner.Result again = kubectl("apply", "-k", base.toString());
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("deployment.apps/api unchanged"), again.out());

        KubectlRunner.Result get = kubectl("get", "deploy,pdb,netpol,rolebinding,secret", "-o", "wide");
        assertEquals(0, get.code(), get.out());
        assertTrue(get.out().contains("UP-TO-DATE") && get.out().contains("ALLOWED DISRUPTIONS")
                && get.out().contains("POD-SELECTOR") && get.out().contains("Role/pod-reader"), get.out());
        // a Secret's stringData is stored as data, base64-encoded
        var secret = client.secrets().withName("api").get();
        assertEquals("s3cret", new String(Base64.getDecoder().decode(secret.getData().get("token")),
                StandardCharsets.UTF_8));
        assertEquals("Opaque", secret.getType());
    }

    @Test
    void strictFieldValidationRefusesUnknownFieldsWithTheRealMessage() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bad}
                spec:
                  foo: 1
                  selector: {matchLabels: {app: bad}}
                  template:
                    metadata: {labels: {app: bad}}
                    spec: {containers: [{name: c, image: "c:1", bar: 2}]}
                """);
        KubectlRunner.Result refused = kubectl("apply", "-f", bad.toString());
        assertTrue(refused.code() != 0, refused.out());
        assertTrue(refused.out().contains("Deployment in version \"v1\" cannot be handled as a Deployment: strict"
                + " decoding error: unknown field \"spec.foo\", unknown field"
                + " \"spec.template.spec.containers[0].bar\""), refused.out());
        assertEquals(null, client.apps().deployments().withName("bad").get());

        var warned = http("POST", "/apis/apps/v1/namespaces/default/deployments?fieldValidation=Warn",
                "application/json", "{\"metadata\":{\"name\":\"warned\"},\"spec\":{\"foo\":1,\"selector\":"
                        + "{\"matchLabels\":{\"app\":\"w\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":"
                        + "\"w\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"c:1\"}]}}}}");
        assertEquals(201, warned.statusCode(), warned.body());
        assertEquals("299 - \"unknown field \\\"spec.foo\\\"\"", warned.headers().firstValue("Warning").orElse(""));
    }

    @Test
    void deploymentsScaleAndKeepTheirSelector() {
        Deployment created = client.apps().deployments().resource(new DeploymentBuilder().withNewMetadata()
                .withName("scaled").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "scaled")
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "scaled").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("c:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        assertEquals(1, created.getSpec().getReplicas());
        assertEquals("RollingUpdate", created.getSpec().getStrategy().getType());
        assertEquals(600, created.getSpec().getProgressDeadlineSeconds());
        client.apps().deployments().withName("scaled").scale(3);
        assertEquals(3, client.apps().deployments().withName("scaled").get().getSpec().getReplicas());
        KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> client.apps().deployments()
                .withName("scaled").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"other\"}}}}"));
        assertEquals(422, e.getCode());
        assertTrue(e.getStatus().getMessage().contains("field is immutable"), e.getStatus().getMessage());
    }

    @Test
    void aBindingsRoleRefCannotChange() {
        client.rbac().roleBindings().resource(new RoleBindingBuilder().withNewMetadata().withName("fixed")
                .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("view").endRoleRef().addNewSubject().withKind("User").withName("ann").endSubject().build())
                .create();
        KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> client.rbac().roleBindings()
                .withName("fixed").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"roleRef\":{\"name\":\"edit\"}}"));
        assertEquals(422, e.getCode());
        assertTrue(e.getStatus().getMessage().contains("cannot change roleRef"), e.getStatus().getMessage());
    }

    @Test
    void discoveryListsTheNewGroupsAndSubresources() throws Exception {
        JsonNode apps = JsonText.parse(http("GET", "/apis/apps/v1", null, null).body());
        assertTrue(apps.toString().contains("\"deployments/scale\""), apps.toString());
        JsonNode core = JsonText.parse(http("GET", "/api/v1", null, null).body());
        assertTrue(core.toString().contains("\"serviceaccounts/token\""), core.toString());
        for (String path : new String[] {"/apis/policy/v1", "/apis/networking.k8s.io/v1",
            "/apis/rbac.authorization.k8s.io/v1", "/apis/authorization.k8s.io/v1"}) {
            assertEquals(200, http("GET", path, null, null).statusCode(), path);
        }
        assertNotNull(client.secrets().resource(new SecretBuilder().withNewMetadata().withName("plain").endMetadata()
                .addToData("k", "dg==").build()).create());
    }
}
