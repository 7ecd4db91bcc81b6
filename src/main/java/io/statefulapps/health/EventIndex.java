package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snapshot's events by the object they are about, built once per report so that the rules'
 * look-ups ("the newest FailedMount of this pod") do not scan every event.
 */
record EventIndex(Map<String, List<Event>> byKindAndName) {

    static EventIndex of(List<Event> events) {
        Map<String, List<Event>> index = new HashMap<>();
        for (Event event : events) {
            ObjectReference ref = event.getInvolvedObject();
            if (ref != null && ref.getKind() != null && ref.getName() != null) {
                index.computeIfAbsent(ref.getKind() + "/" + ref.getName(), k -> new ArrayList<>()).add(event);
            }
        }
        return new EventIndex(index);
    }

    /** The newest event about the object with one of these reasons, or {@code null}. */
    Event newest(InvolvedObject object, Set<String> reasons) {
        Event newest = null;
        Instant newestSeen = null;
        for (Event event : byKindAndName.getOrDefault(object.label(), List.of())) {
            if (reasons.contains(event.getReason()) && object.matches(event.getInvolvedObject())) {
                Instant seen = EventTimes.lastSeen(event);
                if (newest == null || (seen != null && (newestSeen == null || seen.isAfter(newestSeen)))) {
                    newest = event;
                    newestSeen = seen;
                }
            }
        }
        return newest;
    }
}
