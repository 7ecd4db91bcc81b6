package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The stored reports, held twice: sorted by namespace and name, so a page of a namespace's list is
 * a walk of its range, not a sort of all; and by one "namespace/name" String for the GETs. A skip
 * list's lookup is ~14 hops of cache misses at 10,000 apps (JFR: a quarter of the event loops' time
 * under load), and a record key adds its two field strings to compare. The two change together: a
 * request thread may store a just-created app's first report while its worker stores one too, and
 * the GET and the list must then agree on the last.
 */
final class StoredReports {

    private final ConcurrentSkipListMap<AppKey, StoredReport> sorted = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, StoredReport> byKey = new ConcurrentHashMap<>();

    StoredReport get(AppKey app) {
        return byKey.get(app.toString());
    }

    void put(AppKey app, StoredReport stored) {
        synchronized (byKey) {
            byKey.put(app.toString(), stored);
            sorted.put(app, stored);
        }
    }

    /** Whether there was a report to remove. */
    boolean remove(AppKey app) {
        synchronized (byKey) {
            byKey.remove(app.toString());
            return sorted.remove(app) != null;
        }
    }

    int size() {
        return sorted.size();
    }

    /** Sorted by namespace and name, unmodifiable. */
    Map<AppKey, StoredReport> all() {
        return Collections.unmodifiableMap(sorted);
    }

    /** The range from {@code from} (inclusive or not) to {@code to} (exclusive), unmodifiable. */
    Map<AppKey, StoredReport> range(AppKey from, boolean fromInclusive, AppKey to) {
        NavigableMap<AppKey, StoredReport> range = sorted.subMap(from, fromInclusive, to, false);
        return Collections.unmodifiableMap(range);
    }
}
