package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** PATCH on the embedded cluster: rollouts, merge-patch semantics, the rules of change, ETags. */
@QuarkusTest
class AppChangesTest {

    static final String NS = "app-changes";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    KubernetesClient client;

    static void create(String name, String members) {
        given().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"image\":\"nginx:1.27\",\"ports\":[{\"name\":\"http\",\"port\":8080}]"
                        + (members.isEmpty() ? "" : "," + members) + "}")
                .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
    }

    static Response patch(String name, String patch) {
        return given().contentType(MERGE_PATCH).body(patch).log().ifValidationFails().patch("/api/v1/namespaces/{ns}/apps/{name}", NS, name);
    }

    static JsonPath health(String name) {
        return given().accept("application/json").get("/api/v1/namespaces/{ns}/apps/{name}/health", NS, name)
                .then().statusCode(200).extract().jsonPath();
    }

    static void awaitHealth(String name, String status) {
        var last = new java.util.concurrent.atomic.AtomicReference<String>();
        try {
            await().atMost(WAIT).until(() -> {
                JsonPath report = health(name);
                last.set(report.prettify());
                return status.equals(report.getString("status"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("health of " + name + " never became " + status + "; last report:\n" + last.get(), e);
        }
    }

    StatefulSet sts(String name) {
        return client.apps().statefulSets().inNamespace(NS).withName(name).get();
    }

    Map<String, String> podUids(String name) {
        return client.pods().inNamespace(NS).withLabel("app", name).list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getMetadata().getUid()));
    }

    @Test
    void scalesTwoThreeZeroTwo() {
        create("scale", "\"replicas\":2");
        awaitHealth("scale", "Healthy");
        String headlessVersion = client.services().inNamespace(NS).withName("scale-headless").get()
                .getMetadata().getResourceVersion();

        patch("scale", "{\"replicas\":3}").then().statusCode(200)
                .body("spec.replicas", equalTo(3)).header("ETag", containsString("\""));
        await().atMost(WAIT).until(() -> "Healthy".equals(health("scale").getString("status"))
                && health("scale").getList("pods").size() == 3);

        patch("scale", "{\"replicas\":0}").then().statusCode(200).body("spec.replicas", equalTo(0));
        awaitHealth("scale", "Suspended");
        await().atMost(WAIT).until(() -> podUids("scale").isEmpty());

        patch("scale", "{\"replicas\":2}").then().statusCode(200);
        await().atMost(WAIT).until(() -> "Healthy".equals(health("scale").getString("status"))
                && health("scale").getList("pods").size() == 2);
        // Only the StatefulSet changed: the Services were never written.
        assertEquals(headlessVersion, client.services().inNamespace(NS).withName("scale-headless").get()
                .getMetadata().getResourceVersion());
    }

    @Test
    void anImageChangeRollsOutDownToThePartition() {
        create("roll", "\"replicas\":3");
        awaitHealth("roll", "Healthy");
        patch("roll", "{\"image\":\"nginx:1.28\",\"updateStrategy\":{\"partition\":2}}").then().statusCode(200)
                .body("spec.image", equalTo("nginx:1.28")).body("spec.updateStrategy.partition", equalTo(2));
        await().atMost(WAIT).until(() -> "Partitioned".equals(health("roll").getString("statefulSet.rollout")));
        assertEquals("nginx:1.28", image("roll-2"));
        assertEquals("nginx:1.27", image("roll-0"));
        assertEquals("nginx:1.27", image("roll-1"));
    }

    private String image(String pod) {
        Pod p = client.pods().inNamespace(NS).withName(pod).get();
        return p.getSpec().getContainers().get(0).getImage();
    }

    @Test
    void nullRemovesAndAListIsReplacedAsAWhole() {
        create("merge", "\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],"
                + "\"service\":{\"annotations\":{\"keep\":\"yes\",\"drop\":\"me\"}}");
        patch("merge", "{\"env\":null,\"ports\":[{\"name\":\"web\",\"port\":9090}],"
                + "\"service\":{\"annotations\":{\"drop\":null}}}")
                .then().statusCode(200)
                .body("spec.env", nullValue())
                .body("spec.ports.name", equalTo(List.of("web")))
                .body("spec.ports.port", equalTo(List.of(9090)))
                .body("spec.service.annotations", equalTo(Map.of("keep", "yes")));
        var container = sts("merge").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(container.getEnv() == null || container.getEnv().isEmpty(), String.valueOf(container.getEnv()));
        assertEquals(List.of(9090), client.services().inNamespace(NS).withName("merge").get().getSpec().getPorts()
                .stream().map(p -> p.getPort()).toList());
        assertEquals(Map.of("keep", "yes"), client.services().inNamespace(NS).withName("merge").get()
                .getMetadata().getAnnotations());
        patch("merge", "{\"env\":[{\"name\":\"C\",\"value\":\"3\"}]}").then().statusCode(200)
                .body("spec.env.name", equalTo(List.of("C")));
    }

    @Test
    void everyImmutableFieldIsRefusedWithWhatToDoInstead() {
        create("frozen", "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]");
        Long before = sts("frozen").getMetadata().getGeneration();
        patch("frozen", "{\"name\":\"other\",\"podManagementPolicy\":\"Parallel\",\"headlessServiceName\":\"peers\","
                + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"512Mi\","
                + "\"storageClassName\":\"alicloud-nas\",\"accessModes\":[\"ReadWriteMany\"],\"volumeMode\":\"Block\"},"
                + "{\"name\":\"more\",\"mountPath\":\"/more\",\"size\":\"1Gi\"}]}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "podManagementPolicy", "headlessServiceName",
                        "volumes[0].storageClassName", "volumes[0].accessModes", "volumes[0].volumeMode",
                        "volumes[0].size", "volumes[1]"))
                .body("errors.find { it.field == 'podManagementPolicy' }.message", containsString("create a new app"));
        patch("frozen", "{\"volumes\":null}").then().statusCode(422)
                .body("errors.field", hasItems("volumes"));
        // Validated exactly like a create: unknown fields and broken rules, all of them.
        patch("frozen", "{\"replica\":2,\"replicas\":-1}").then().statusCode(422)
                .body("errors.field", hasItems("replica", "replicas"));
        assertEquals(before, sts("frozen").getMetadata().getGeneration());
    }

    @Test
    void growsVolumesWithThePodsRunningThroughout() {
        create("grow", "\"replicas\":2,\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]");
        awaitHealth("grow", "Healthy");
        Map<String, String> pods = podUids("grow");
        String stsUid = sts("grow").getMetadata().getUid();

        patch("grow", "{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"2Gi\"}]}")
                .then().statusCode(200).body("spec.volumes[0].size", equalTo("2Gi"));
        StatefulSet replaced = sts("grow");
        assertNotEquals(stsUid, replaced.getMetadata().getUid());
        assertEquals("2Gi", replaced.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources()
                .getRequests().get("storage").toString());
        for (String claim : List.of("data-grow-0", "data-grow-1")) {
            assertEquals("2Gi", client.persistentVolumeClaims().inNamespace(NS).withName(claim).get().getSpec()
                    .getResources().getRequests().get("storage").toString());
        }
        // The adopted pods count as the new set's again, and the claims' capacity catches up.
        awaitHealth("grow", "Healthy");
        await().atMost(WAIT).until(() -> client.persistentVolumeClaims().inNamespace(NS).withName("data-grow-1").get()
                .getStatus().getCapacity().get("storage").toString().equals("2Gi"));
        assertEquals(pods, podUids("grow"), "the same pods ran throughout");
        // read whole: the service's client reads pods without their owner references (PodFieldsSkipped)
        var adopted = client.genericKubernetesResources("v1", "Pod").inNamespace(NS).withName("grow-0").get();
        assertEquals(replaced.getMetadata().getUid(), adopted.getMetadata().getOwnerReferences().get(0).getUid());
    }

    @Test
    void aReplacementLeftHalfDoneIsFinishedByTheSameRequestSentAgain() {
        String volume = "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"%s\"}]";
        create("resume", volume.formatted("1Gi"));
        awaitHealth("resume", "Healthy");
        Map<String, String> pods = podUids("resume");
        // The state a PATCH growing the volume leaves when it fails right after deleting the StatefulSet.
        StatefulSet replacement = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(sts("resume"))
                .withStatus(null).editMetadata().withUid(null).withResourceVersion(null).withGeneration(null)
                .withCreationTimestamp(null).withManagedFields().endMetadata()
                .editSpec().editVolumeClaimTemplate(0).editSpec().editResources()
                .addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("2Gi"))
                .endResources().endSpec().endVolumeClaimTemplate().endSpec().build();
        client.services().inNamespace(NS).withName("resume-headless").edit(s -> {
            s.getMetadata().getAnnotations().put("stateful-apps.dev/pending-statefulset",
                    client.getKubernetesSerialization().asJson(replacement));
            return s;
        });
        client.persistentVolumeClaims().inNamespace(NS).withName("data-resume-0").edit(c -> {
            c.getSpec().getResources().getRequests().put("storage", new io.fabric8.kubernetes.api.model.Quantity("2Gi"));
            return c;
        });
        client.apps().statefulSets().inNamespace(NS).withName("resume")
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.ORPHAN).delete();
        await().atMost(WAIT).until(() -> sts("resume") == null);

        patch("resume", "{" + volume.formatted("2Gi") + "}").then().statusCode(200)
                .body("spec.volumes[0].size", equalTo("2Gi"))
                .body("spec.headlessService.annotations", nullValue());
        assertEquals("2Gi", sts("resume").getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources()
                .getRequests().get("storage").toString());
        awaitHealth("resume", "Healthy");
        assertEquals(pods, podUids("resume"));
    }

    @Test
    void volumeGrowthIsRefusedWhereTheClassCannotExpand() {
        create("nas", "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\","
                + "\"storageClassName\":\"alicloud-nas\"}]");
        patch("nas", "{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"2Gi\","
                + "\"storageClassName\":\"alicloud-nas\"}]}")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("volumes[0].size"))
                .body("errors[0].message", containsString("allowVolumeExpansion"));
        assertEquals("1Gi", sts("nas").getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources()
                .getRequests().get("storage").toString());
    }

    @Test
    void ifMatchWithAStaleETagIs412() {
        create("etag", "");
        String first = patch("etag", "{}").then().statusCode(200).extract().header("ETag");
        assertNotNull(first);
        assertEquals(first, patch("etag", "{}").then().statusCode(200).extract().header("ETag"),
                "a patch that changes nothing changes no version");
        String second = given().contentType(MERGE_PATCH).header("If-Match", first).body("{\"replicas\":2}")
                .patch("/api/v1/namespaces/{ns}/apps/etag", NS).then().statusCode(200).extract().header("ETag");
        assertNotEquals(first, second);
        given().contentType(MERGE_PATCH).header("If-Match", first).body("{\"replicas\":3}")
                .patch("/api/v1/namespaces/{ns}/apps/etag", NS).then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString(second));
        given().header("If-Match", first).delete("/api/v1/namespaces/{ns}/apps/etag", NS).then().statusCode(412);
        assertEquals(2, sts("etag").getSpec().getReplicas());
    }

    @Test
    void serviceTypeChangesBothWaysAndKeepsTheAddress() {
        create("svc", "");
        String ip = client.services().inNamespace(NS).withName("svc").get().getSpec().getClusterIP();
        patch("svc", "{\"service\":{\"type\":\"LoadBalancer\"}}").then().statusCode(200)
                .body("spec.service.type", equalTo("LoadBalancer"));
        var lb = client.services().inNamespace(NS).withName("svc").get();
        assertEquals(ip, lb.getSpec().getClusterIP());
        patch("svc", "{\"service\":{\"type\":\"ClusterIP\"}}").then().statusCode(200);
        var back = client.services().inNamespace(NS).withName("svc").get();
        assertEquals("ClusterIP", back.getSpec().getType());
        assertEquals(ip, back.getSpec().getClusterIP());
        assertTrue(back.getSpec().getPorts().stream().allMatch(p -> p.getNodePort() == null));
    }

    @Test
    void requestErrors() {
        create("errs", "");
        given().contentType("application/json").body("{\"replicas\":2}")
                .patch("/api/v1/namespaces/{ns}/apps/errs", NS).then().statusCode(415)
                .contentType("application/problem+json");
        for (String body : new String[] {"{", "[]", "", "{\"replicas\":\"two\"}"}) {
            patch("errs", body).then().statusCode(400).contentType("application/problem+json");
        }
        patch("nope", "{\"replicas\":2}").then().statusCode(404).contentType("application/problem+json");
        // Every value of the wrong type in the patched spec at once, and the app left as it was
        patch("errs", "{\"replicas\":\"two\",\"image\":[],\"ports\":[{\"port\":80,\"name\":8}]}").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("image", "replicas", "ports[0].name"));
        patch("errs", "{\"replicas\":\"two\",\"imagePullPolicy\":\"Sometimes\"}").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("replicas", "imagePullPolicy"));
        assertEquals(1, client.apps().statefulSets().inNamespace(NS).withName("errs").get().getSpec().getReplicas());
    }
}
