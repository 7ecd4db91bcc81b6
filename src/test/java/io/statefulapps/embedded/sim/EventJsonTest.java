package io.statefulapps.embedded.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event JSON the recorder writes is what Fabric8 would have written for the same Event object. */
class EventJsonTest {

    private static void same(ObjectReference involved, EventRecorder.Source source, String message) throws Exception {
        String now = "2026-12-02T10:00:00Z";
        Event event = new EventBuilder().withNewMetadata().withName("web-0.1").withNamespace("demo").endMetadata()
                .withInvolvedObject(involved).withType("Warning").withReason("Failed").withMessage(message)
                .withNewSource().withComponent(source.component()).withHost(source.host()).endSource()
                .withReportingComponent(source.component())
                .withReportingInstance(source.host() == null ? source.component() : source.host())
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).build();
        assertEquals(new ObjectMapper().readTree(new KubernetesSerialization().asJson(event)),
                EventJson.first("demo", "web-0.1", involved, "Warning", "Failed", message, source, now));
    }

    @Test
    void likeFabric8sOwnForAPodPartAndForAWholeObject() throws Exception {
        var pod = new PodBuilder().withNewMetadata().withName("web-0").withNamespace("demo").withUid("u1")
                .withResourceVersion("7").endMetadata().build();
        same(EventRecorder.reference(pod, "spec.containers{main}"), new EventRecorder.Source("kubelet", "node-1"),
                "Failed to pull image \"nginx:1.27-pullfail\": \"quotes\" and \\ kept");
        same(EventRecorder.reference(pod, null), EventRecorder.Source.of("default-scheduler"), "0/3 nodes are available");
    }
}
