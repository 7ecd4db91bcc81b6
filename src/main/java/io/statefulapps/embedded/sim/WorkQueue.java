package io.statefulapps.embedded.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One controller's keys to look at, each at most once, with the moment it is due on the
 * simulator's clock (like client-go's delaying, de-duplicating work queue): informer events add a
 * key for now, timers for later; a key added again keeps the earlier of its two moments.
 */
final class WorkQueue {

    /** Due before any moment a timer can name: "as soon as possible". */
    private static final Instant NOW = Instant.MIN;

    private record Entry(Instant due, long sequence, String key) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final TreeSet<Entry> byDue = new TreeSet<>();
    private long sequence;
    private volatile Runnable onAdd = () -> { };

    /** Called (from any thread) whenever a key is added; the loop uses it to wake up. */
    void onAdd(Runnable listener) {
        onAdd = listener;
    }

    /** Due now. */
    void add(String key) {
        addAt(key, NOW);
    }

    /** Due at {@code due} on the simulator's clock, unless it is already due earlier. */
    void addAt(String key, Instant due) {
        synchronized (this) {
            Entry existing = byKey.get(key);
            if (existing != null && !due.isBefore(existing.due())) {
                return;
            }
            if (existing != null) {
                byDue.remove(existing);
            }
            Entry entry = new Entry(due, sequence++, key);
            byKey.put(key, entry);
            byDue.add(entry);
        }
        onAdd.run();
    }

    /** Takes up to {@code max} keys due at {@code now}, earliest first. */
    synchronized List<String> takeDue(Instant now, int max) {
        List<String> due = new ArrayList<>();
        while (due.size() < max && !byDue.isEmpty() && !byDue.first().due().isAfter(now)) {
            Entry entry = byDue.pollFirst();
            byKey.remove(entry.key());
            due.add(entry.key());
        }
        return due;
    }

    /** The earliest moment a key is due; null when the queue is empty. */
    synchronized Instant nextDue() {
        return byDue.isEmpty() ? null : byDue.first().due();
    }

    synchronized int size() {
        return byKey.size();
    }
}
