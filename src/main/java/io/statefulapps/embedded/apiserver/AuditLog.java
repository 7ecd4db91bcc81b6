package io.statefulapps.embedded.apiserver;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the API server answered, newest last, the oldest forgotten beyond a bound so a
 * long benchmark does not grow without end. Tests read it to prove who asked what.
 */
public final class AuditLog {

    private final int capacity;
    private final Clock clock;
    private final Deque<AuditRecord> records = new ArrayDeque<>();
    private long sequence;

    AuditLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized void record(UserInfo user, RequestInfo request, int status) {
        UserInfo who = user == null ? UserInfo.ANONYMOUS : user;
        records.addLast(new AuditRecord(++sequence, clock.instant(), who.name(), who.groups(), request.verb(),
                request.apiGroup(), request.resource(), request.subresource(), request.namespace(), request.name(),
                request.path(), status));
        if (records.size() > capacity) {
            records.removeFirst();
        }
    }

    /** The records still held, oldest first. */
    public synchronized List<AuditRecord> records() {
        return new ArrayList<>(records);
    }

    /** The records still held that match, oldest first. */
    public synchronized List<AuditRecord> records(Predicate<AuditRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** The sequence number of the newest record (0 before the first request). */
    public synchronized long lastSequence() {
        return sequence;
    }
}
