package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes core/v1 Events the way client-go's recorder does: a repeat of the same
 * (object, reason, message, component) bumps {@code count} and {@code lastTimestamp} on the
 * existing Event instead of creating a new one. The memory of what was emitted is bounded (LRU).
 */
final class EventRecorder {

    static final String NORMAL = "Normal";
    static final String WARNING = "Warning";
    private static final int MAX_REMEMBERED = 20_000;

    private final KubernetesClient client;
    private final ClusterWriter writer;
    private final Clock clock;
    private long sequence;
    private final Map<String, Event> emitted = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    EventRecorder(KubernetesClient client, ClusterWriter writer, Clock clock) {
        this.client = client;
        this.writer = writer;
        this.clock = clock;
    }

    /** Emits (or repeats) an event; {@code host} is the node for kubelet events, else null. */
    void record(HasMetadata object, String type, String reason, String message, String component, String host) {
        String uid = object.getMetadata().getUid();
        String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
        String key = uid + "|" + reason + "|" + message + "|" + component;
        String now = TimeFormats.rfc3339(clock.instant());
        Event previous = emitted.get(key);
        if (previous != null) {
            Event repeat = new EventBuilder(previous).withCount(previous.getCount() + 1).withLastTimestamp(now).build();
            writer.attempt(() -> emitted.put(key, client.v1().events().inNamespace(namespace).resource(repeat).update()));
            return;
        }
        String name = object.getMetadata().getName() + "." + Long.toHexString(clock.millis() * 1000 + (sequence++ % 1000));
        Event event = new EventBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion())
                        .withKind(object.getKind()).withName(object.getMetadata().getName())
                        .withNamespace(object.getMetadata().getNamespace()).withUid(uid)
                        .withResourceVersion(object.getMetadata().getResourceVersion()).build())
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).withHost(host).endSource()
                .withReportingComponent(component).withReportingInstance(host == null ? component : host)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).build();
        writer.attempt(() -> emitted.put(key, client.v1().events().inNamespace(namespace).resource(event).create()));
    }
}
