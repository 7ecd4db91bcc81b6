package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Warning events worth showing: those of the trio, its pods and PVCs (matched as
 * {@link InvolvedObject} says), repeats folded into one (same object, reason and message), newest
 * first, at most {@code maxEvents}.
 */
final class EventSelector {

    private EventSelector() {
    }

    static List<EventReport> select(List<Event> events, Collection<InvolvedObject> objects, int maxEvents) {
        Map<String, InvolvedObject> byLabel = new HashMap<>();
        for (InvolvedObject object : objects) {
            byLabel.put(object.label(), object);
        }
        Map<String, EventReport> folded = new LinkedHashMap<>();
        for (Event event : events) {
            ObjectReference ref = event.getInvolvedObject();
            InvolvedObject object = ref == null ? null : byLabel.get(ref.getKind() + "/" + ref.getName());
            if (!"Warning".equals(event.getType()) || object == null || !object.matches(ref)) {
                continue;
            }
            EventReport report = new EventReport(event.getType(), event.getReason(), object.label(), event.getMessage(),
                    EventTimes.count(event), EventTimes.lastSeen(event));
            String key = object.label() + '\u0000' + event.getReason() + '\u0000' + event.getMessage();
            folded.merge(key, report, EventSelector::fold);
        }
        List<EventReport> newestFirst = new ArrayList<>(folded.values());
        newestFirst.sort(Comparator.comparing(EventReport::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(EventReport::object));
        return newestFirst.size() > maxEvents ? List.copyOf(newestFirst.subList(0, maxEvents)) : newestFirst;
    }

    private static EventReport fold(EventReport a, EventReport b) {
        Instant last = Timestamps.newest(a.lastSeen(), b.lastSeen());
        return new EventReport(a.type(), a.reason(), a.object(), a.message(), a.count() + b.count(), last);
    }
}
