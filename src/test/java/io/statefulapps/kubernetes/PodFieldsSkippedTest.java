package io.statefulapps.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodFieldsSkippedTest {

    /** A pod as a real cluster sends it (env, mounts, tolerations, token volume, IPs, container ids). */
    static final String POD = resource("/kubernetes/real-cluster-pod.json");

    /**
     * Like the service's serialization (its kinds known, so a watch event holds a Pod): configured
     * first, then told to skip.
     */
    static KubernetesSerialization skipping() {
        ObjectMapper mapper = new ObjectMapper();
        KubernetesSerialization serialization = new JsonFirstSerialization(mapper, true);
        PodFieldsSkipped.register(mapper);
        return serialization;
    }

    @Test
    void aPodIsReadWithoutWhatTheCacheLetsGoOf() {
        Pod pod = skipping().unmarshal(POD, Pod.class);

        assertTrue(pod.getMetadata().getAnnotations().isEmpty(), "annotations read");
        assertTrue(pod.getMetadata().getOwnerReferences().isEmpty(), "owner references read");
        assertTrue(pod.getMetadata().getManagedFields().isEmpty(), "managed fields read");
        assertTrue(pod.getSpec().getTolerations().isEmpty(), "tolerations read");
        assertNull(pod.getSpec().getSecurityContext());
        assertNull(pod.getSpec().getServiceAccountName());
        Container container = pod.getSpec().getContainers().get(0);
        assertTrue(container.getEnv().isEmpty(), "env read");
        assertTrue(container.getVolumeMounts().isEmpty(), "volume mounts read");
        assertTrue(container.getArgs().isEmpty());
        assertNull(container.getResources());
        assertNull(container.getLivenessProbe());
        assertNull(pod.getSpec().getVolumes().get(1).getProjected(), "the token volume's source read");
        assertTrue(pod.getStatus().getPodIPs().isEmpty());
        assertNull(pod.getStatus().getHostIP());
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertNull(status.getContainerID());
        assertNull(status.getImageID());
        assertNull(status.getLastState().getTerminated().getContainerID());
        assertTrue(status.getVolumeMounts().isEmpty());
    }

    @Test
    void whatTheHealthRulesReadIsReadAsSent() {
        Pod pod = skipping().unmarshal(POD, Pod.class);

        assertEquals("shop-0", pod.getMetadata().getName());
        assertEquals("demo", pod.getMetadata().getNamespace());
        assertEquals("shop-0", pod.getMetadata().getLabels().get("statefulset.kubernetes.io/pod-name"));
        assertEquals("48211", pod.getMetadata().getResourceVersion());
        assertEquals("6f1f3b2a-2222-4d6e-8a9b-1c2d3e4f5a6b", pod.getMetadata().getUid());
        assertEquals(Map.of("futureMetaField", Map.of("kept", "as an unknown field")),
                pod.getMetadata().getAdditionalProperties());
        assertEquals("node-2", pod.getSpec().getNodeName());
        assertEquals("shop-0", pod.getSpec().getHostname());
        assertEquals("shop-headless", pod.getSpec().getSubdomain());
        assertEquals("registry", pod.getSpec().getImagePullSecrets().get(0).getName());
        Container container = pod.getSpec().getContainers().get(0);
        assertEquals("postgres:16.4", container.getImage());
        assertEquals(5432, container.getPorts().get(0).getContainerPort());
        assertEquals("pg", container.getReadinessProbe().getTcpSocket().getPort().getStrVal());
        assertEquals(30, container.getStartupProbe().getFailureThreshold());
        assertEquals("busybox:1.36", pod.getSpec().getInitContainers().get(0).getImage());
        assertEquals("data-shop-0", pod.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName());
        assertEquals("kube-api-access-x7k2p", pod.getSpec().getVolumes().get(1).getName());
        assertEquals("Running", pod.getStatus().getPhase());
        assertEquals("10.244.2.17", pod.getStatus().getPodIP());
        assertEquals(5, pod.getStatus().getConditions().size());
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertEquals(true, status.getReady());
        assertEquals(1, status.getRestartCount());
        assertEquals("Error", status.getLastState().getTerminated().getReason());
        assertEquals("2026-12-04T20:34:37Z", status.getState().getRunning().getStartedAt());
        assertEquals("Completed",
                pod.getStatus().getInitContainerStatuses().get(0).getState().getTerminated().getReason());
    }

    @Test
    void listsAndWatchEventsSkipToo() {
        KubernetesSerialization serialization = skipping();
        PodList list = serialization.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{},\"items\":["
                + POD + "," + POD + "]}", PodList.class);
        WatchEvent event = serialization.unmarshal("{\"type\":\"MODIFIED\",\"object\":" + POD + "}", WatchEvent.class);

        assertEquals(2, list.getItems().size());
        list.getItems().forEach(pod -> assertTrue(pod.getSpec().getContainers().get(0).getEnv().isEmpty()));
        Pod watched = assertInstanceOf(Pod.class, event.getObject());
        assertTrue(watched.getSpec().getContainers().get(0).getEnv().isEmpty());
        assertEquals("shop-0", watched.getMetadata().getName());
    }

    @Test
    void aStatefulSetsPodTemplateAndOtherKindsAreReadWhole() {
        KubernetesSerialization serialization = skipping();
        StatefulSet sts = serialization.unmarshal("""
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"shop","annotations":{"team":"a"},
                 "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-9"}]},
                 "spec":{"serviceName":"shop-headless","template":{"metadata":{"annotations":{"sidecar":"no"}},
                  "spec":{"serviceAccountName":"shop","tolerations":[{"key":"k","operator":"Exists"}],
                   "containers":[{"name":"postgres","image":"postgres:16.4","env":[{"name":"PGDATA","value":"/d"}],
                    "resources":{"requests":{"cpu":"250m"}},"volumeMounts":[{"name":"data","mountPath":"/d"}]}],
                   "volumes":[{"name":"cfg","configMap":{"name":"shop-config"}}]}}}}""", StatefulSet.class);
        Service service = serialization.unmarshal("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"shop","annotations":{"lb":"internal"}}}""",
                Service.class);

        Container container = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("PGDATA"), container.getEnv().stream().map(e -> e.getName()).toList());
        assertEquals("250m", container.getResources().getRequests().get("cpu").toString());
        assertEquals("/d", container.getVolumeMounts().get(0).getMountPath());
        assertEquals("shop", sts.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals(1, sts.getSpec().getTemplate().getSpec().getTolerations().size());
        assertEquals("shop-config", sts.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName());
        assertEquals(Map.of("sidecar", "no"), sts.getSpec().getTemplate().getMetadata().getAnnotations());
        assertEquals(Map.of("team", "a"), sts.getMetadata().getAnnotations());
        assertEquals("u-9", sts.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(Map.of("lb", "internal"), service.getMetadata().getAnnotations());
    }

    @Test
    void writingAPodStillWritesEverything() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").addToAnnotations("a", "b").endMetadata()
                .withNewSpec().addNewContainer().withName("c").addNewEnv().withName("A").withValue("1").endEnv()
                .endContainer().endSpec().build();

        String json = skipping().asJson(pod);

        assertTrue(json.contains("\"annotations\":{\"a\":\"b\"}"), json);
        assertTrue(json.contains("\"env\":[{\"name\":\"A\",\"value\":\"1\"}]"), json);
    }

    private static String resource(String path) {
        try (InputStream in = PodFieldsSkippedTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
