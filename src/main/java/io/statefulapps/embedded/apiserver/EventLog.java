package io.statefulapps.embedded.apiserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The recent changes of one kind, so a watch that starts at resourceVersion N first gets what
 * happened after N. Bounded like the real server's watch cache: a version older than what is still
 * held is answered 410 Expired, and the client lists again. Guarded by the store's lock.
 */
final class EventLog {

    /**
     * One change. {@code previous} is kept only when labels or selectable fields changed, the one case
     * where a watch with a selector sees the change as ADDED or DELETED instead of MODIFIED.
     */
    record Entry(long version, WatchEventType type, StoredObject object, StoredObject previous) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long forgottenUpTo;

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    void append(Entry entry) {
        entries.addLast(entry);
        while (entries.size() > capacity) {
            forgottenUpTo = entries.removeFirst().version();
        }
    }

    /** Whether every change after {@code version} is still held. */
    boolean covers(long version) {
        return version >= forgottenUpTo;
    }

    /** The newest version no longer held (0 while nothing was dropped). */
    long forgottenUpTo() {
        return forgottenUpTo;
    }

    /** The version of the newest change held, 0 when none. */
    long lastVersion() {
        return entries.isEmpty() ? 0 : entries.peekLast().version();
    }

    /** The changes after {@code version}, oldest first. */
    List<Entry> after(long version) {
        List<Entry> newer = new ArrayList<>();
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.version() <= version) {
                break;
            }
            newer.add(e);
        }
        Collections.reverse(newer);
        return newer;
    }
}
