package io.statefulapps.rehearsal;

import static io.statefulapps.rehearsal.RehearsalSetup.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import io.statefulapps.testing.KubectlRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service in external mode, each its own process, against the
 * embedded cluster of a third: what one replica writes, the other reads, and conditional writes
 * hold across them.
 */
class ReplicasRehearsalIT {

    static final String NS = "shop";
    static final String SPEC = "{\"name\":\"%s\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}";

    static final String EDITOR = "any-token-without-a-token-file";

    static Path dir;
    static ServiceProcess cluster;
    static ServiceProcess replicaA;
    static ServiceProcess replicaB;
    static KubectlRunner kubectl;

    @BeforeAll
    static void start() throws Exception {
        dir = RehearsalSetup.directory("replicas");
        Path kubeconfig = dir.resolve("kubeconfig.yaml");
        cluster = RehearsalSetup.startEmbeddedCluster("cluster", dir, kubeconfig,
                Map.of("STATEFUL_APPS_EMBEDDED_NAMESPACES", NS));
        kubectl = new KubectlRunner(kubeconfig, dir.resolve("kubectl-cache"));
        replicaA = startReplica("replica-a");
        replicaB = startReplica("replica-b");
    }

    static ServiceProcess startReplica(String name) throws Exception {
        return RehearsalSetup.startReplica(name, dir, dir.resolve("kubeconfig.yaml"),
                Map.of("STATEFUL_APPS_NAMESPACES", NS));
    }

    @AfterAll
    static void stop() throws Exception {
        RehearsalSetup.closeAll(replicaA, replicaB, cluster);
    }

    static String apps(ServiceProcess replica) {
        return RehearsalSetup.apps(replica, NS);
    }

    @Test
    void whatOneReplicaWritesTheOtherReadsAndChangesConditionally() throws Exception {
        as(EDITOR).contentType("application/json").body(SPEC.formatted("shared")).post(apps(replicaA))
                .then().statusCode(201);
        // read-your-writes across replicas: B's cache may not have seen it yet, the answer must not be 404
        Response read = as(EDITOR).get(apps(replicaB) + "/shared");
        read.then().statusCode(200).body("spec.name", equalTo("shared"));
        String etag = read.header("ETag");
        assertNotNull(etag, "GET answers the app's ETag");

        as(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"stale\"")
                .body("{\"replicas\":2}").patch(apps(replicaB) + "/shared").then().statusCode(412);
        as(EDITOR).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"replicas\":2}").patch(apps(replicaB) + "/shared").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "Healthy".equals(
                as(EDITOR).get(apps(replicaA) + "/shared/health").jsonPath().getString("status"))
                && as(EDITOR).get(apps(replicaA) + "/shared/health").jsonPath().getInt("pods.size()") == 2);
        assertEquals("2", kubectl.run("get", "sts", "shared", "-n", NS, "-o", "jsonpath={.spec.replicas}").out().trim());

        as(EDITOR).delete(apps(replicaA) + "/shared").then().statusCode(200);
        as(EDITOR).get(apps(replicaB) + "/shared").then().statusCode(404);
    }

    @Test
    void aReplicaKilledBetweenTwoObjectsOfACreateLeavesNothingTheNextPostCannotFinish() throws Exception {
        String server = Files.readAllLines(dir.resolve("kubeconfig.yaml")).stream().map(String::trim)
                .filter(line -> line.startsWith("server:")).findFirst().orElseThrow().substring(7).trim();
        // the StatefulSet's create (after the headless Service's) waits long enough to kill the replica
        as(EDITOR).contentType("application/json").body("[{\"verb\":\"create\",\"resource\":\"statefulsets\","
                + "\"name\":\"cut\",\"nth\":2,\"delayMs\":8000}]").put(server + "/_sim/faults").then().statusCode(200);
        try (ServiceProcess doomed = startReplica("replica-doomed")) {
            Thread creating = new Thread(() -> {
                try {
                    as(EDITOR).contentType("application/json").body(SPEC.formatted("cut")).post(apps(doomed));
                } catch (RuntimeException killed) {
                    // the replica dies under this request
                }
            });
            creating.setDaemon(true);
            creating.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> kubectl.run("get", "svc", "cut-headless", "-n", NS)
                    .code() == 0);
            doomed.kill();
        } finally {
            as(EDITOR).delete(server + "/_sim/faults");
        }
        // what the killed replica left: the headless Service, perhaps the StatefulSet, never the client Service
        assertEquals(1, kubectl.run("get", "svc", "cut", "-n", NS).code(), "the client Service was never created");
        // the next POST through another replica: 409 + Retry-After while another create may still be running,
        // then the leftovers are cleaned up and the app created whole
        Response early = as(EDITOR).contentType("application/json").body(SPEC.formatted("cut")).post(apps(replicaB));
        if (early.statusCode() == 409) {
            assertNotNull(early.header("Retry-After"), early.asString());
        } else {
            assertEquals(201, early.statusCode(), early.asString());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            int code = as(EDITOR).contentType("application/json").body(SPEC.formatted("cut")).post(apps(replicaB))
                    .statusCode();
            return code == 201 || (code == 409 && kubectl.run("get", "svc", "cut", "-n", NS).code() == 0);
        });
        assertEquals(0, kubectl.run("get", "sts", "cut", "-n", NS).code());
        assertEquals(0, kubectl.run("get", "svc", "cut", "cut-headless", "-n", NS).code());
    }
}
