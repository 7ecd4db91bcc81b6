package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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
}
