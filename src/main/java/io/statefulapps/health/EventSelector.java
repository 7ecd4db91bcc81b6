package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Warning events worth showing: those of the trio, its pods and PVCs, repeats folded into one
 * (same object, reason and message), newest first, at most {@code maxEvents}.
 */
final class EventSelector {

    private EventSelector() {
    }

    /** @param objects the {@code Kind/name} of every object of the app */
    static List<EventReport> select(List<Event> events, Set<String> objects, int maxEvents) {
        Map<String, EventReport> folded = new LinkedHashMap<>();
        for (Event event : events) {
            if (!"Warning".equals(event.getType())) {
                continue;
            }
            String object = object(event.getInvolvedObject());
            if (object == null || !objects.contains(object)) {
                continue;
            }
            EventReport report = new EventReport(event.getType(), event.getReason(), object, event.getMessage(),
                    count(event), lastSeen(event));
            String key = object + '\u0000' + event.getReason() + '\u0000' + event.getMessage();
            folded.merge(key, report, EventSelector::fold);
        }
        List<EventReport> newestFirst = new ArrayList<>(folded.values());
        newestFirst.sort(Comparator.comparing(EventReport::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(EventReport::object));
        return newestFirst.size() > maxEvents ? List.copyOf(newestFirst.subList(0, maxEvents)) : newestFirst;
    }

    /** The newest event with this reason about this object, or {@code null}. */
    static Event newest(List<Event> events, String kind, String name, String reason) {
        Event newest = null;
        Instant newestSeen = null;
        for (Event event : events) {
            ObjectReference ref = event.getInvolvedObject();
            if (ref != null && kind.equals(ref.getKind()) && name.equals(ref.getName()) && reason.equals(event.getReason())) {
                Instant seen = lastSeen(event);
                if (newest == null || (seen != null && (newestSeen == null || seen.isAfter(newestSeen)))) {
                    newest = event;
                    newestSeen = seen;
                }
            }
        }
        return newest;
    }

    private static EventReport fold(EventReport a, EventReport b) {
        Instant last = Timestamps.newest(a.lastSeen(), b.lastSeen());
        return new EventReport(a.type(), a.reason(), a.object(), a.message(), a.count() + b.count(), last);
    }

    private static String object(ObjectReference ref) {
        return ref == null || ref.getKind() == null || ref.getName() == null ? null : ref.getKind() + "/" + ref.getName();
    }

    /** Old-style events count in {@code count}, new-style ones in {@code series.count}. */
    private static int count(Event event) {
        if (event.getSeries() != null && event.getSeries().getCount() != null) {
            return event.getSeries().getCount();
        }
        return event.getCount() == null || event.getCount() < 1 ? 1 : event.getCount();
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
}
