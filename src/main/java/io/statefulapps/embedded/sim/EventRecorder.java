package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes core/v1 Events the way client-go's recorder does: each names its object completely
 * (kind, apiVersion, namespace, name, uid), and a repeat of the same (object, reason, message,
 * component) bumps {@code count} and {@code lastTimestamp} of the existing Event with one patch
 * instead of creating another. The memory of what was emitted is bounded (least recently used).
 */
final class EventRecorder {

    static final String NORMAL = "Normal";
    static final String WARNING = "Warning";
    private static final int MAX_REMEMBERED = 50_000;

    /** Who reports: a component, and the node for the kubelet's events. */
    record Source(String component, String host) {

        static Source of(String component) {
            return new Source(component, null);
        }
    }

    private record Recorded(String namespace, String name, int count) {
    }

    private final ClusterWriter writer;
    private final Clock clock;
    private final boolean normalEvents;
    private long sequence;
    private final Map<String, Recorded> recorded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /** @param normalEvents false records Warnings only (see {@link SimulatorSettings#normalEvents()}) */
    EventRecorder(ClusterWriter writer, Clock clock, boolean normalEvents) {
        this.writer = writer;
        this.clock = clock;
        this.normalEvents = normalEvents;
    }

    void record(HasMetadata object, String type, String reason, String message, Source source) {
        record(object, null, type, reason, message, source);
    }

    /** An event about a part of the object, e.g. {@code spec.containers{main}} of a pod. */
    void record(HasMetadata object, String fieldPath, String type, String reason, String message, Source source) {
        if (!normalEvents && NORMAL.equals(type)) {
            return;
        }
        String key = object.getMetadata().getUid() + "|" + fieldPath + "|" + reason + "|" + message + "|"
                + source.component();
        String now = TimeFormats.rfc3339(clock.instant());
        Recorded previous = recorded.get(key);
        if (previous != null) {
            int count = previous.count() + 1;
            Event stub = new EventBuilder().withNewMetadata().withNamespace(previous.namespace())
                    .withName(previous.name()).endMetadata().build();
            if (writer.mergePatch(stub, "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}").ok()) {
                recorded.put(key, new Recorded(previous.namespace(), previous.name(), count));
                return;
            }
        }
        String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata()
                .getNamespace();
        String name = object.getMetadata().getName() + "."
                + Long.toHexString(clock.millis() * 1_000_000 + (sequence++ % 1_000_000));
        // nobody reads a new event back: it goes as JSON, and the answer is not turned into an Event
        if (writer.createUnread("Event", "/api/v1/namespaces/" + namespace + "/events", EventJson.first(namespace,
                name, reference(object, fieldPath), type, reason, message, source, now)).ok()) {
            recorded.put(key, new Recorded(namespace, name, 1));
        }
    }

    /** The whole reference, as the real recorder builds it, even for an object read without its kind. */
    static ObjectReference reference(HasMetadata object, String fieldPath) {
        String kind = object.getKind() != null ? object.getKind() : HasMetadata.getKind(object.getClass());
        String apiVersion = object.getApiVersion() != null ? object.getApiVersion()
                : HasMetadata.getApiVersion(object.getClass());
        return new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withName(object.getMetadata().getName()).withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion())
                .withFieldPath(fieldPath).build();
    }
}
