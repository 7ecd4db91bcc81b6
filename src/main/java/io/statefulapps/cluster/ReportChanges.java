package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Where the changes of verdicts and problems are published to the streams of this replica, with a
 * bounded history so that a stream resumed with {@code Last-Event-ID} misses nothing in its window.
 *
 * <p>An event id is {@code <replica>-<sequence>-<epoch millis>}. Back on the replica that sent it,
 * a stream resumes exactly after that sequence. On another replica (each computes its reports from
 * its own watches) it resumes from that instant less a margin for clock skew and for the other
 * replica having seen the cluster a little later: a change may come twice then, never not at all.
 */
final class ReportChanges {

    private static final Logger LOG = Logger.getLogger(ReportChanges.class);
    static final long OTHER_REPLICA_MARGIN_MILLIS = 5_000;

    private record Subscriber(Predicate<AppKey> scope, Consumer<ReportChange> listener) {
    }

    private final String replica = UUID.randomUUID().toString().substring(0, 8);
    private final int historySize;
    private final Deque<ReportChange> history = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    ReportChanges(int historySize) {
        this.historySize = historySize;
    }

    synchronized void publish(AppKey app, StoredReport report, Instant at) {
        sequence++;
        ReportChange change = ReportChange.of(replica + "-" + sequence + "-" + at.toEpochMilli(), sequence, at, app,
                report);
        history.addLast(change);
        while (history.size() > historySize) {
            history.removeFirst();
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.scope().test(app)) {
                deliver(subscriber, change);
            }
        }
    }

    /** Registers a listener and hands it what it missed, atomically with respect to {@link #publish}. */
    synchronized ReportSubscription subscribe(Predicate<AppKey> scope, Consumer<ReportChange> listener,
            String lastEventId) {
        Optional<List<ReportChange>> missed = lastEventId == null ? Optional.empty() : missedSince(lastEventId, scope);
        Subscriber subscriber = new Subscriber(scope, listener);
        subscribers.add(subscriber);
        return new ReportSubscription(() -> subscribers.remove(subscriber), missed);
    }

    /** The id of the latest change: a stream that starts from the current state resumes after it. */
    synchronized String latestId(Instant now) {
        ReportChange latest = history.peekLast();
        return latest != null ? latest.id() : replica + "-" + sequence + "-" + now.toEpochMilli();
    }

    int subscribers() {
        return subscribers.size();
    }

    private Optional<List<ReportChange>> missedSince(String lastEventId, Predicate<AppKey> scope) {
        String[] parts = lastEventId.split("-");
        if (parts.length != 3 || history.isEmpty()) {
            return Optional.empty();
        }
        long seq;
        long millis;
        try {
            seq = Long.parseLong(parts[1]);
            millis = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean mine = parts[0].equals(replica);
        ReportChange oldest = history.peekFirst();
        if (mine ? seq < oldest.sequence() - 1 : millis - OTHER_REPLICA_MARGIN_MILLIS < oldest.at().toEpochMilli()) {
            return Optional.empty();
        }
        List<ReportChange> missed = new ArrayList<>();
        for (ReportChange change : history) {
            boolean after = mine ? change.sequence() > seq
                    : change.at().toEpochMilli() >= millis - OTHER_REPLICA_MARGIN_MILLIS;
            if (after && scope.test(change.app())) {
                missed.add(change);
            }
        }
        return Optional.of(missed);
    }

    private static void deliver(Subscriber subscriber, ReportChange change) {
        try {
            subscriber.listener().accept(change);
        } catch (RuntimeException e) {
            LOG.debugf(e, "a stream could not take the change of %s", change.app());
        }
    }
}
