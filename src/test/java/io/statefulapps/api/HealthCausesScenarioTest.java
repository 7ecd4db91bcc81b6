package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statefulapps.testing.ClusterEdits;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The causes a cluster throws at a StatefulSet, each caused on the embedded cluster and named by
 * the service: the reason, the cluster's own words in the message, and the root cause first.
 */
@QuarkusTest
class HealthCausesScenarioTest {

    static final String NS = "health-causes";
    static final Duration SOON = Duration.ofSeconds(40);

    @Inject
    KubernetesClient client;

    private static void create(String json) {
        given().contentType("application/json").body(json).post("/api/v1/namespaces/{ns}/apps", NS)
                .then().statusCode(201);
    }

    private static String app(String name, String image, String extra) {
        return "{\"name\":\"" + name + "\",\"image\":\"" + image + "\",\"ports\":[{\"name\":\"http\",\"port\":80}]"
                + extra + "}";
    }

    private static JsonPath health(String name) {
        return given().get("/api/v1/namespaces/{ns}/apps/{name}/health", NS, name).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath awaitProblem(String app, String reason, Predicate<JsonPath> also) {
        JsonPath[] seen = new JsonPath[1];
        await().atMost(SOON).until(() -> {
            seen[0] = health(app);
            return seen[0].getList("problems.reason").contains(reason) && also.test(seen[0]);
        });
        return seen[0];
    }

    private static String message(JsonPath report, String reason) {
        return report.getString("problems.find { it.reason == '" + reason + "' }.message");
    }

    private static String hint(JsonPath report, String reason) {
        return report.getString("problems.find { it.reason == '" + reason + "' }.hint");
    }

    @Test
    void aSandboxThatCannotBeCreated() {
        create(app("sandbox", "nginx:sandboxfail", ""));
        JsonPath report = awaitProblem("sandbox", "SandboxCreateFailed", r -> true);
        assertEquals("Degraded", report.getString("status"));
        assertEquals("SandboxCreateFailed", report.getString("causes[0].reason"), report.prettify());
    }

    @Test
    void volumesThatBindButNeverMount() {
        create(app("unmounted", "nginx:1.27", ",\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\","
                + "\"size\":\"1Gi\",\"storageClassName\":\"mountfail\"}]"));
        JsonPath report = awaitProblem("unmounted", "VolumeMountFailed", r -> true);
        assertEquals("Degraded", report.getString("status"));
        assertTrue(message(report, "VolumeMountFailed").contains("MountVolume.SetUp failed"), report.prettify());
        assertTrue(hint(report, "VolumeMountFailed").contains("data-unmounted-0"), "the hint names the claim");
    }

    @Test
    void aFailingReadinessProbeIsQuoted() {
        create(app("unready", "nginx:notready", ",\"readinessProbe\":{\"httpGet\":{\"path\":\"/ready\",\"port\":80}}"));
        JsonPath report = awaitProblem("unready", "PodNotReady",
                r -> message(r, "PodNotReady").contains("Readiness probe failed"));
        assertTrue(message(report, "PodNotReady").contains("statuscode: 503"), report.prettify());
    }

    @Test
    void aKillForMemoryIsExplained() {
        create(app("greedy", "nginx:oomkill", ""));
        JsonPath report = awaitProblem("greedy", "OOMKilled", r -> true);
        assertTrue(message(report, "OOMKilled").contains("137"), report.prettify());
    }

    @Test
    void aMissingPullSecretIsNamed() {
        create(app("secretive", "nginx:pullfail", ",\"imagePullSecrets\":[\"regcred\"]"));
        JsonPath report = awaitProblem("secretive", "ImagePullBackOff",
                r -> hint(r, "ImagePullBackOff") != null && hint(r, "ImagePullBackOff").contains("regcred"));
        assertEquals("Degraded", report.getString("status"));
    }

    @Test
    void podsRefusedAtAdmissionAreNamedWithTheRefusal() {
        // as on a real API server, the ServiceAccount admission plugin refuses pods of an account that
        // does not exist, and the StatefulSet controller records FailedCreate
        create(app("ghostly", "nginx:1.27", ",\"serviceAccountName\":\"ghost\""));
        JsonPath report = awaitProblem("ghostly", "PodCreateFailed", r -> true);
        String message = report.getString("problems.find { it.reason == 'PodCreateFailed' }.message");
        assertTrue(message.contains("serviceaccount \"ghost\" not found"), message);
        assertEquals("PodCreateFailed", report.getString("causes[0].reason"), report.prettify());
    }

    @Test
    void gatedPodsAreNamedAsGated() {
        create(app("gated", "nginx:1.27", ""));
        ClusterEdits.mergeStatefulSet(client, NS, "gated",
                "{\"spec\":{\"template\":{\"spec\":{\"schedulingGates\":[{\"name\":\"example.com/wait\"}]}}}}");
        client.pods().inNamespace(NS).withName("gated-0").delete();
        awaitProblem("gated", "SchedulingGated", r -> true);
    }

    @Test
    void aServiceTargetingAPortNoContainerDeclares() {
        create(app("misrouted", "nginx:1.27", ""));
        await().atMost(SOON).until(() -> "Healthy".equals(health("misrouted").getString("status")));
        client.services().inNamespace(NS).withName("misrouted").edit(svc -> {
            svc.getSpec().getPorts().get(0).setTargetPort(new IntOrString("metrics"));
            return svc;
        });
        JsonPath report = awaitProblem("misrouted", "TargetPortMismatch", r -> true);
        assertEquals("Degraded", report.getString("status"));
    }

    @Test
    void claimsLeftAfterAScaleDownAreNoted() {
        create(app("shrunk", "nginx:1.27", ",\"replicas\":2,\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\","
                + "\"size\":\"1Gi\"}]"));
        await().atMost(SOON).until(() -> "Healthy".equals(health("shrunk").getString("status")));
        given().contentType("application/merge-patch+json").body("{\"replicas\":1}")
                .patch("/api/v1/namespaces/{ns}/apps/shrunk", NS).then().statusCode(200);
        JsonPath report = awaitProblem("shrunk", "RetainedClaim", r -> "Healthy".equals(r.getString("status")));
        assertTrue(message(report, "RetainedClaim").contains("data-shrunk-1"), report.prettify());
    }

    @Test
    void noReadinessProbeIsNoted() {
        create(app("probeless", "nginx:1.27", ""));
        JsonPath report = awaitProblem("probeless", "NoReadinessProbe", r -> "Healthy".equals(r.getString("status")));
        assertEquals("Info", report.getString("problems.find { it.reason == 'NoReadinessProbe' }.severity"));
    }

    @Test
    void aPodOnALostNodeIsNamedWithItsNode() {
        create(app("stranded", "nginx:1.27", ""));
        await().atMost(SOON).until(() -> "Healthy".equals(health("stranded").getString("status")));
        String node = client.pods().inNamespace(NS).withName("stranded-0").get().getSpec().getNodeName();
        setReady(node, "Unknown");
        try {
            JsonPath report = awaitProblem("stranded", "NodeNotReady", r -> true);
            assertEquals("Degraded", report.getString("status"));
            assertEquals("NodeNotReady", report.getString("causes[0].reason"), "the node before its pod's readiness");
            assertTrue(hint(report, "NodeNotReady").contains("--force"), report.prettify());
        } finally {
            setReady(node, "True");
        }
        await().atMost(SOON).until(() -> "Healthy".equals(health("stranded").getString("status")));
    }

    /** As the node's kubelet (or its silence) would: the node's Ready condition, through /status. */
    private void setReady(String node, String status) {
        client.nodes().withName(node).editStatus(n -> {
            n.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).forEach(c -> {
                c.setStatus(status);
                c.setReason("True".equals(status) ? "KubeletReady" : "NodeStatusUnknown");
                c.setLastTransitionTime(java.time.Instant.now().toString());
            });
            return n;
        });
    }
}
