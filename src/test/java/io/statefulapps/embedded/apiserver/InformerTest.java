package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformerTest extends ApiServerTestBase {

    private static <T> ResourceEventHandler<T> recorder(BlockingQueue<String> events) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                events.add("ADD " + name(obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                events.add("UPDATE " + name(newObj));
            }

            @Override
            public void onDelete(T obj, boolean unknown) {
                events.add("DELETE " + name(obj));
            }
        };
    }

    private static String name(Object o) {
        return ((io.fabric8.kubernetes.api.model.HasMetadata) o).getMetadata().getName();
    }

    private static void expect(BlockingQueue<String> events, String event) throws InterruptedException {
        while (true) {
            String next = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "no event, waited for " + event);
            if (next.equals(event)) {
                return;
            }
        }
    }

    @Test
    void statefulSetInformerSyncsAndSeesAddUpdateDelete() throws Exception {
        client.apps().statefulSets().resource(statefulSet("before")).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> podEvents = new LinkedBlockingQueue<>();
        try (SharedIndexInformer<StatefulSet> informer = client.apps().statefulSets().inAnyNamespace()
                .inform(recorder(events), 0);
                 SharedIndexInformer<Pod> pods = client.pods().withLabel("app", "watched").inform(recorder(podEvents), 0)) {
            informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            pods.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            expect(events, "ADD before");

            StatefulSet created = client.apps().statefulSets().resource(statefulSet("watched")).create();
            expect(events, "ADD watched");
            // the cached copy carries the server's defaults
            assertEquals("OrderedReady", informer.getStore().getByKey("default/watched").getSpec().getPodManagementPolicy());

            client.apps().statefulSets().withName("watched").patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"replicas\":5}}");
            expect(events, "UPDATE watched");

            Pod pod = pod("watched-0");
            pod.getMetadata().getLabels().put("app", "watched");
            pod.getMetadata().getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion("apps/v1")
                    .withKind("StatefulSet").withName("watched").withUid(created.getMetadata().getUid()).build());
            client.pods().resource(pod).create();
            expect(podEvents, "ADD watched-0");

            client.apps().statefulSets().withName("watched").delete();
            expect(events, "DELETE watched");
            // the garbage-collected pod is seen going away too
            expect(podEvents, "DELETE watched-0");
        }
    }

    /**
     * Fabric8 7.6.1 watches over a WebSocket first (falling back to HTTP only when the handshake
     * fails); with onlyHttpWatches it streams over plain HTTP. Both transports keep an informer current.
     */
    @Test
    void anInformerWatchingOverPlainHttpSeesAddUpdateDelete() throws Exception {
        long before = api.audit().lastSequence();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (KubernetesClient httpOnly = new KubernetesClientBuilder().withConfig(new ConfigBuilder(api.clientConfig())
                .withOnlyHttpWatches(true).build()).build();
             SharedIndexInformer<ConfigMap> informer = httpOnly.configMaps().withLabel("app", "http-informed")
                     .inform(recorder(events), 0)) {
            informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("informed")
                    .addToLabels("app", "http-informed").endMetadata().addToData("a", "1").build()).create();
            expect(events, "ADD informed");
            client.configMaps().withName("informed").edit(c -> new ConfigMapBuilder(c).addToData("b", "2").build());
            expect(events, "UPDATE informed");
            client.configMaps().withName("informed").delete();
            expect(events, "DELETE informed");
        }
        assertTrue(api.audit().records(r -> r.sequence() > before && "watch".equals(r.verb())
                && "configmaps".equals(r.resource())).size() >= 1, "the watch went through the pipeline");
    }
}
