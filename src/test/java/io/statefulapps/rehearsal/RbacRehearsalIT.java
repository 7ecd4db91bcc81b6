package io.statefulapps.rehearsal;

import static io.restassured.RestAssured.given;
import static io.statefulapps.rehearsal.RehearsalSetup.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Config;
import io.restassured.response.Response;
import io.statefulapps.embedded.EmbeddedCluster;
import io.statefulapps.embedded.apiserver.rbac.RoleCoverage;
import io.statefulapps.testing.KubectlRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production topology: an embedded cluster that checks every caller (token file, RBAC), the
 * service's ServiceAccount and rights applied from {@code kubectl kustomize deploy/}, its token minted
 * with {@code kubectl create token}, and two replicas in external mode with it, each its own
 * process. Users get their rights the way a platform team grants them, with kubectl.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RbacRehearsalIT {

    static final String NS = "shop";
    static final String SA_NS = "stateful-apps";
    static final String SA_USER = "system:serviceaccount:" + SA_NS + ":stateful-apps-api";
    static final String VIEWER = "viewer-token";
    static final String EDITOR = "editor-token";
    static final Duration SETTLE = Duration.ofSeconds(60);

    static Path dir;
    static EmbeddedCluster cluster;
    static KubernetesClient admin;
    static KubectlRunner kubectl;
    static ServiceProcess replicaA;
    static ServiceProcess replicaB;

    @BeforeAll
    static void start() throws Exception {
        dir = RehearsalSetup.directory("rbac");
        Path tokens = dir.resolve("tokens.csv");
        Files.writeString(tokens, VIEWER + ",viewer,uid-viewer\n" + EDITOR + ",editor,uid-editor\n");
        cluster = EmbeddedCluster.start(new EmbeddedCluster.Settings(0, dir.resolve("admin.yaml"),
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(1), List.of(NS),
                Optional.of(tokens)), Clock.systemUTC());
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig())))
                .build();
        kubectl = new KubectlRunner(cluster.kubeconfig(), dir.resolve("kubectl-cache"));

        applyServiceRights();
        String token = ok(kubectl.run("create", "token", "stateful-apps-api", "-n", SA_NS, "--duration", "2h"));
        Path saKubeconfig = dir.resolve("service-account.yaml");
        Files.writeString(saKubeconfig, Files.readString(cluster.kubeconfig()).replace(cluster.adminToken(),
                token.trim()));
        ok(kubectl.run("create", "rolebinding", "viewer-view", "--clusterrole=view", "--user=viewer", "-n", NS));
        ok(kubectl.run("create", "rolebinding", "editor-edit", "--clusterrole=edit", "--user=editor", "-n", NS));

        Map<String, String> checking = Map.of("STATEFUL_APPS_AUTH_CACHE_TTL", "1s",
                "STATEFUL_APPS_STREAMS_RECHECK_RIGHTS", "1s");
        replicaA = RehearsalSetup.startReplica("replica-a", dir, saKubeconfig, checking);
        replicaB = RehearsalSetup.startReplica("replica-b", dir, saKubeconfig, checking);
    }

    /** The Namespace, ServiceAccount, ClusterRoles and bindings of deploy/, as kustomize renders them. */
    static void applyServiceRights() throws Exception {
        String rendered = ok(kubectl.run("kustomize", "deploy"));
        Pattern kind = Pattern.compile("(?m)^kind: (\\w+)$");
        List<String> kept = new ArrayList<>();
        for (String doc : rendered.split("(?m)^---$")) {
            Matcher m = kind.matcher(doc);
            if (m.find() && List.of("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding")
                    .contains(m.group(1))) {
                kept.add(doc.strip());
            }
        }
        assertEquals(6, kept.size(), "namespace, service account, two roles, two bindings:\n" + rendered);
        Path rbac = dir.resolve("service-rights.yaml");
        Files.writeString(rbac, String.join("\n---\n", kept) + "\n");
        ok(kubectl.run("apply", "--server-side", "-f", rbac.toString()));
    }

    static String ok(KubectlRunner.Result result) {
        assertEquals(0, result.code(), result.out());
        return result.out();
    }

    @AfterAll
    static void stop() throws Exception {
        RehearsalSetup.closeAll(replicaA, replicaB, admin, cluster);
    }

    static String apps(ServiceProcess replica) {
        return RehearsalSetup.apps(replica, NS);
    }

    static String status(ServiceProcess replica, String app) {
        return as(VIEWER).get(apps(replica) + "/" + app + "/health").jsonPath().getString("status");
    }

    @Test
    @Order(1)
    void callersAreCheckedAgainstTheirOwnRights() {
        given().get(apps(replicaA)).then().statusCode(401);
        as("nobody-knows-this").get(apps(replicaA)).then().statusCode(401);
        as(VIEWER).contentType("application/json").body(spec("web")).post(apps(replicaA))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("cannot create resource \"statefulsets\""));

        as(EDITOR).contentType("application/json").body(spec("web")).post(apps(replicaA)).then().statusCode(201);
        // read-your-writes through the other replica, for a reader
        Response read = as(VIEWER).get(apps(replicaB) + "/web");
        read.then().statusCode(200).body("spec.name", equalTo("web"));
        String etag = read.header("ETag");
        assertNotNull(etag);
        await().atMost(SETTLE).until(() -> "Healthy".equals(status(replicaB, "web")));

        as(EDITOR).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"replicas\":2,\"labels\":{\"team\":\"shop\"}}").patch(apps(replicaB) + "/web")
                .then().statusCode(200).body("spec.replicas", equalTo(2));
        await().atMost(SETTLE).until(() -> "Healthy".equals(status(replicaA, "web"))
                && as(VIEWER).get(apps(replicaA) + "/web/health").jsonPath().getInt("pods.size()") == 2);
        // the volumes grow: the StatefulSet is replaced, the claims patched
        as(EDITOR).contentType("application/merge-patch+json")
                .body("{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"2Gi\"}]}")
                .patch(apps(replicaA) + "/web").then().statusCode(200);
        await().atMost(SETTLE).until(() -> "Healthy".equals(status(replicaB, "web")));

        as(VIEWER).delete(apps(replicaB) + "/web").then().statusCode(403)
                .body("detail", containsString("cannot delete resource"));
        // a pod a cut-short replacement left without owner goes with its app
        admin.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("web-orphan")
                .withLabels(Map.of("app", "web", "app.kubernetes.io/name", "web", "app.kubernetes.io/instance", "web",
                        "app.kubernetes.io/managed-by", "stateful-apps-api")).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build()).create();
        as(EDITOR).delete(apps(replicaB) + "/web?deleteData=true").then().statusCode(200);
        as(VIEWER).get(apps(replicaA) + "/web").then().statusCode(404);
        await().atMost(SETTLE).until(() -> admin.pods().inNamespace(NS).withLabel("app", "web").list().getItems()
                .isEmpty());
    }

    @Test
    @Order(2)
    void everyRequestOfTheServiceIsAllowedByDeployRulesAndEveryRuleIsUsed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode role = json.createObjectNode();
        ArrayNode rules = role.putArray("rules");
        for (String name : List.of("stateful-apps-api", "stateful-apps-api-cluster-scoped")) {
            JsonNode stored = json.readTree(ok(kubectl.run("get", "clusterrole", name, "-o", "json")));
            stored.path("rules").forEach(rules::add);
        }
        RoleCoverage coverage = cluster.decisions().coverage(SA_USER, role);
        assertTrue(coverage.notAllowed().isEmpty(), coverage.describe());
        assertTrue(coverage.unusedRules().isEmpty(), coverage.describe());
        assertTrue(coverage.unusedPermissions().isEmpty(), coverage.describe());
    }

    @Test
    @Order(3)
    void aRuleTakenAwayIsNamedAndLeavesNothingHalfCreated() throws Exception {
        JsonNode role = new ObjectMapper().readTree(ok(kubectl.run("get", "clusterrole", "stateful-apps-api",
                "-o", "json")));
        int services = -1;
        for (int i = 0; i < role.path("rules").size(); i++) {
            if (role.path("rules").get(i).path("resources").toString().contains("\"services\"")) {
                services = i;
            }
        }
        String verbs = "/rules/" + services + "/verbs";
        ok(kubectl.run("patch", "clusterrole", "stateful-apps-api", "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"" + verbs + "\",\"value\":[\"get\",\"list\",\"watch\",\"update\","
                        + "\"patch\",\"delete\"]}]"));
        try {
            as(EDITOR).contentType("application/json").body(spec("denied")).post(apps(replicaA))
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("cannot create resource \"services\""));
            assertTrue(admin.apps().statefulSets().inNamespace(NS).withName("denied").get() == null,
                    "no StatefulSet left behind");
            assertTrue(admin.services().inNamespace(NS).list().getItems().stream()
                    .noneMatch(s -> s.getMetadata().getName().startsWith("denied")), "no Service left behind");
        } finally {
            ok(kubectl.run("patch", "clusterrole", "stateful-apps-api", "--type=json", "-p",
                    "[{\"op\":\"replace\",\"path\":\"" + verbs + "\",\"value\":[\"get\",\"list\",\"watch\",\"create\","
                            + "\"update\",\"patch\",\"delete\"]}]"));
        }
    }

    @Test
    @Order(4)
    void aStreamEndsWhenItsCallerLosesTheRight() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(apps(replicaB) + "?watch=true"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + VIEWER).build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        var ended = new java.util.concurrent.CompletableFuture<String>();
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.append(line).append('\n');
                }
                ended.complete(seen.toString());
            } catch (java.io.IOException e) {
                ended.complete(seen + "(" + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        // the stream is alive: an app created now reaches it
        as(EDITOR).contentType("application/json").body(spec("streamed")).post(apps(replicaA)).then().statusCode(201);
        await().atMost(SETTLE).until(() -> seen.indexOf("streamed") >= 0);
        assertTrue(!ended.isDone(), "the stream stays open while the caller may list apps:\n" + seen);
        ok(kubectl.run("delete", "rolebinding", "viewer-view", "-n", NS));
        try {
            // rights are rechecked every second and reviews cached for a second
            String stream = ended.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(stream);
            // The last event says why, with an id to resume from and the request's id in its problem.
            String error = java.util.Arrays.stream(stream.split("\n\n")).filter(e -> e.contains("event:error"))
                    .findFirst().orElseThrow(() -> new AssertionError("no error event:\n" + stream));
            assertTrue(error.lines().anyMatch(l -> l.startsWith("id:") && l.length() > 3), error);
            assertTrue(error.contains("\"requestId\""), error);
            as(VIEWER).get(apps(replicaB)).then().statusCode(403);
        } finally {
            ok(kubectl.run("create", "rolebinding", "viewer-view", "--clusterrole=view", "--user=viewer", "-n", NS));
            as(EDITOR).delete(apps(replicaA) + "/streamed?deleteData=true");
        }
    }

    static String spec(String name) {
        return "{\"name\":\"" + name + "\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}],"
                + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}";
    }
}
