package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;

/** When an event was first and last seen, and how often: core/v1 events keep it in two styles. */
final class EventTimes {

    private EventTimes() {
    }

    static Instant lastSeen(Event event) {
        if (event.getSeries() != null && event.getSeries().getLastObservedTime() != null) {
            Instant t = Timestamps.parse(event.getSeries().getLastObservedTime().getTime());
            if (t != null) {
                return t;
            }
        }
        Instant last = Timestamps.parse(event.getLastTimestamp());
        if (last == null && event.getEventTime() != null) {
            last = Timestamps.parse(event.getEventTime().getTime());
        }
        if (last == null) {
            last = Timestamps.parse(event.getFirstTimestamp());
        }
        return last != null ? last : MetadataReads.created(event);
    }

    /** The first occurrence: {@code firstTimestamp} (old style) or {@code eventTime} (new style, where series repeat it). */
    static Instant firstSeen(Event event) {
        Instant first = Timestamps.parse(event.getFirstTimestamp());
        if (first == null && event.getEventTime() != null) {
            first = Timestamps.parse(event.getEventTime().getTime());
        }
        return first != null ? first : lastSeen(event);
    }

    /** Old-style events count in {@code count}, new-style ones in {@code series.count}. */
    static int count(Event event) {
        if (event.getSeries() != null && event.getSeries().getCount() != null) {
            return event.getSeries().getCount();
        }
        return event.getCount() == null || event.getCount() < 1 ? 1 : event.getCount();
    }
}
