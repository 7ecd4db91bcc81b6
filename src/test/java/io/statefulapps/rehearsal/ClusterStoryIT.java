package io.statefulapps.rehearsal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end story on a cluster outside the test's JVM: the packaged service in external mode
 * creates an app, reports it Healthy, changes it and deletes it, in a namespace of its own that is
 * removed afterwards.
 *
 * <p>{@code ./mvnw verify -Pcluster} points it at the cluster {@code KUBECONFIG} names (system
 * property {@code story.kubeconfig}); otherwise it starts the embedded cluster as a separate process
 * and runs against that, so the story is proven in every build.
 */
class ClusterStoryIT {

    static final Duration SETTLE = Duration.ofMinutes(3);

    static Path dir;
    static ServiceProcess embedded;
    static ServiceProcess service;
    static KubernetesClient client;
    static String namespace;

    @BeforeAll
    static void start() throws Exception {
        dir = RehearsalSetup.directory("story");
        String configured = System.getProperty("story.kubeconfig", "");
        if (configured.startsWith("${")) {
            // -Pcluster without KUBECONFIG in the environment: kubectl's default
            configured = Path.of(System.getProperty("user.home"), ".kube", "config").toString();
        }
        Path kubeconfig;
        if (configured.isBlank()) {
            kubeconfig = dir.resolve("kubeconfig.yaml").toAbsolutePath();
            embedded = RehearsalSetup.startEmbeddedCluster("embedded-cluster", dir, kubeconfig, Map.of());
        } else {
            kubeconfig = Path.of(configured).toAbsolutePath();
        }
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        namespace = "stateful-apps-story-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        // The story is about apps, not callers: the caller checks have their own rehearsal.
        service = RehearsalSetup.startReplica("story-service", dir, kubeconfig, Map.of(
                "STATEFUL_APPS_NAMESPACES", namespace, "STATEFUL_APPS_AUTH_ENABLED", "false"));
    }

    @AfterAll
    static void stop() throws Exception {
        RehearsalSetup.closeAll(service);
        if (client != null) {
            client.namespaces().withName(namespace).delete();
        }
        RehearsalSetup.closeAll(client, embedded);
    }

    static String apps() {
        return RehearsalSetup.apps(service, namespace);
    }

    static JsonPath health(String app) {
        return given().get(apps() + "/" + app + "/health").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createReportChangeDelete() {
        given().contentType("application/json").body("{\"name\":\"story\",\"image\":\"nginx:1.27\","
                + "\"replicas\":2,\"ports\":[{\"port\":80}],\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\","
                + "\"size\":\"1Gi\"}]}").post(apps()).then().statusCode(201);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> "Healthy".equals(health("story").getString("status")));
        JsonPath healthy = health("story");
        assertEquals(2, healthy.getInt("pods.size()"));
        assertTrue(healthy.getString("dns[0].hostname").startsWith("story-0.story-headless." + namespace + ".svc"),
                healthy.prettify());

        given().contentType("application/merge-patch+json").body("{\"image\":\"nginx:1.28\"}")
                .patch(apps() + "/story").then().statusCode(200).body("spec.image", equalTo("nginx:1.28"));
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var pods = client.pods().inNamespace(namespace).withLabel("app", "story").list().getItems();
            return "Healthy".equals(health("story").getString("status")) && pods.size() == 2 && pods.stream()
                    .allMatch(p -> "nginx:1.28".equals(p.getSpec().getContainers().get(0).getImage()));
        });

        given().delete(apps() + "/story?deleteData=true").then().statusCode(200);
        given().get(apps() + "/story").then().statusCode(404);
        assertTrue(client.apps().statefulSets().inNamespace(namespace).list().getItems().isEmpty());
    }
}
