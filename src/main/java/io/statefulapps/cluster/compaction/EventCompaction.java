package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.util.Collections;

/**
 * A Warning event with what the health rules read (what it is about, reason, message, type, count
 * and times), compacted; who reported it and what it relates to are not kept.
 */
final class EventCompaction {

    private final ValueCompaction values;

    EventCompaction(ValueCompaction values) {
        this.values = values;
    }

    void event(Event event) {
        if (event.getMetadata() != null) {
            event.getMetadata().setAnnotations(Collections.emptyMap());
            event.getMetadata().setOwnerReferences(Collections.emptyList());
        }
        values.metaWithoutUid(event.getMetadata());
        values.involvedObject(event.getInvolvedObject());
        event.setRelated(null);
        event.setSource(null);
        event.setAction(null);
        event.setReportingComponent(null);
        event.setReportingInstance(null);
        event.setReason(values.text(event.getReason()));
        event.setMessage(values.text(event.getMessage()));
        event.setType(values.text(event.getType()));
        event.setFirstTimestamp(values.text(event.getFirstTimestamp()));
        event.setLastTimestamp(values.text(event.getLastTimestamp()));
        microTime(event.getEventTime());
        if (event.getSeries() != null) {
            microTime(event.getSeries().getLastObservedTime());
            event.getSeries().setAdditionalProperties(values.extras(event.getSeries().getAdditionalProperties()));
        }
        event.setApiVersion(values.text(event.getApiVersion()));
        event.setKind(values.text(event.getKind()));
        event.setAdditionalProperties(values.extras(event.getAdditionalProperties()));
    }

    private void microTime(MicroTime time) {
        if (time != null) {
            time.setTime(values.text(time.getTime()));
            time.setAdditionalProperties(values.extras(time.getAdditionalProperties()));
        }
    }
}
