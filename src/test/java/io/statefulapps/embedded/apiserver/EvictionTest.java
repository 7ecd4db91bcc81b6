package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pods/eviction as kube-apiserver serves it: a PodDisruptionBudget's refusal, or a recorded disruption and a delete. */
class EvictionTest extends ApiServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Running, Ready pod on a node, labelled app={@code app}. */
    static Pod readyPod(io.fabric8.kubernetes.client.KubernetesClient client, String name, String app) {
        Pod created = client.pods().resource(new PodBuilder(pod(name)).editMetadata().addToLabels("app", app)
                .endMetadata().editSpec().withNodeName("sim-node-1").endSpec().build()).create();
        return client.pods().resource(new PodBuilder(created).withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
                .updateStatus();
    }

    static PodDisruptionBudget budget(String name, String app, int minAvailable) {
        return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withMinAvailable(new IntOrString(minAvailable)).withNewSelector().addToMatchLabels("app", app)
                .endSelector().endSpec().build();
    }

    private HttpResponse<String> evict(String pod) throws Exception {
        return http("POST", "/api/v1/namespaces/default/pods/" + pod + "/eviction", "application/json",
                "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + pod
                        + "\",\"namespace\":\"default\"}}");
    }

    @Test
    void discoveryListsTheEvictionSubresourceSoDrainEvicts() throws Exception {
        String v1 = http("GET", "/api/v1", null, null).body();
        assertTrue(v1.contains("{\"name\":\"pods/eviction\",\"singularName\":\"\",\"namespaced\":true,"
                + "\"group\":\"policy\",\"version\":\"v1\",\"kind\":\"Eviction\",\"verbs\":[\"create\"]}"), v1);
    }

    @Test
    void aMissingPodIsNotFound() throws Exception {
        HttpResponse<String> answer = evict("ghost");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("pods \\\"ghost\\\" not found"), answer.body());
    }

    @Test
    void aBudgetThatAllowsNoDisruptionRefusesWith429AndKeepsThePod() throws Exception {
        readyPod(client, "db-0", "db");
        readyPod(client, "db-1", "db");
        client.policy().v1().podDisruptionBudget().resource(budget("db-pdb", "db", 2)).create();

        HttpResponse<String> answer = evict("db-0");
        assertEquals(429, answer.statusCode(), answer.body());
        JsonNode status = JSON.readTree(answer.body());
        assertEquals("TooManyRequests", status.path("reason").asText());
        assertEquals("Cannot evict pod as it would violate the pod's disruption budget.", status.path("message").asText());
        JsonNode cause = status.path("details").path("causes").path(0);
        assertEquals("DisruptionBudget", cause.path("reason").asText(), answer.body());
        assertEquals("The disruption budget db-pdb needs 2 healthy pods and has 2 currently",
                cause.path("message").asText());
        assertNull(client.pods().withName("db-0").get().getMetadata().getDeletionTimestamp());
    }

    @Test
    void anAllowedEvictionIsRecordedInTheBudgetAndDeletesThePodGracefully() throws Exception {
        readyPod(client, "kv-0", "kv");
        readyPod(client, "kv-1", "kv");
        client.policy().v1().podDisruptionBudget().resource(budget("kv-pdb", "kv", 1)).create();

        HttpResponse<String> answer = evict("kv-0");
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals("Success", JSON.readTree(answer.body()).path("status").asText());
        assertNotNull(client.pods().withName("kv-0").get().getMetadata().getDeletionTimestamp(), "Terminating");
        PodDisruptionBudget pdb = client.policy().v1().podDisruptionBudget().withName("kv-pdb").get();
        assertEquals(0, pdb.getStatus().getDisruptionsAllowed());
        assertTrue(pdb.getStatus().getDisruptedPods().containsKey("kv-0"), pdb.getStatus().toString());

        HttpResponse<String> second = evict("kv-1");
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(second.body().contains("The disruption budget kv-pdb needs 1 healthy pods and has 1 currently"),
                second.body());
    }

    @Test
    void aPodNoBudgetCoversIsDeletedAsADeleteWould() throws Exception {
        readyPod(client, "free-0", "free");
        assertEquals(201, evict("free-0").statusCode());
        assertEquals(30L, client.pods().withName("free-0").get().getMetadata().getDeletionGracePeriodSeconds());
    }
}
