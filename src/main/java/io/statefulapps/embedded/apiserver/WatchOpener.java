package io.statefulapps.embedded.apiserver;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Starts a watch on its stream: under the store's read lock it sends what the watch must see first
 * (ADDED for what exists, or the changes after its version, or 410 Expired when those are no longer
 * held) and attaches it to the hub, so no change slips between catch-up and live events. The stream
 * ends at {@code timeoutSeconds}, when the client leaves, or when the fault step ends every watch.
 */
final class WatchOpener {

    private final ObjectStore store;
    private final WatchHub hub;
    private final TableConverter tables;
    /** Runs an action after a delay and answers a handle that cancels it. */
    private final BiConsumer<Duration, Runnable> timers;

    WatchOpener(ObjectStore store, WatchHub hub, TableConverter tables, BiConsumer<Duration, Runnable> timers) {
        this.store = store;
        this.hub = hub;
        this.tables = tables;
        this.timers = timers;
    }

    void open(WatchReply watch, WatchSink sink) {
        Watcher watcher = new Watcher(watch.type(), watch.namespace(), watch.labels(), watch.fields(),
                watch.bookmarks(), watch.tables() ? tables : null, sink);
        sink.onClose(() -> hub.detach(watcher));
        boolean attached = store.read(() -> catchUp(watch, watcher, sink));
        if (!attached) {
            return;
        }
        if (watch.timeout() != null) {
            timers.accept(watch.timeout(), sink::close);
        }
    }

    /** An ERROR event carrying the refusal, then the end: how a watch refused by a fault ends. */
    static void refuse(WatchSink sink, ApiException refusal) {
        sink.send(WatchEvents.error(refusal));
        sink.close();
    }

    /** A watch refused with 410 gets it as its ERROR event, as when its version is too old. */
    static boolean isExpiredWatch(Incoming in, Reply reply) {
        return "watch".equals(in.info().verb()) && reply instanceof HttpAnswer answer && answer.status() == 410;
    }

    /** Streams the 410 as the watch's ERROR event, then ends the stream. */
    static void expire(WatchSink sink, HttpAnswer gone) {
        sink.send(WatchEvents.event(WatchEventType.ERROR, gone.body()));
        sink.close();
    }

    private boolean catchUp(WatchReply watch, Watcher watcher, WatchSink sink) {
        EventLog log = store.log(watch.type());
        Long from = watch.from();
        if (from != null && !log.covers(from)) {
            refuse(sink, WatchEvents.expired(from, log.forgottenUpTo()));
            return false;
        }
        if (from == null || watch.initialEvents()) {
            String ns = watch.namespace() == null ? null : watch.namespace();
            for (StoredObject o : store.select(watch.type(), ns, watch.labels(), watch.fields(), null)) {
                watcher.send(WatchEventType.ADDED, o);
            }
            if (watch.initialEvents()) {
                sink.send(WatchEvents.bookmark(watch.type(), store.version(), true));
            }
        } else {
            for (EventLog.Entry change : log.after(from)) {
                watcher.deliver(change);
            }
        }
        hub.attach(watcher);
        if (!sink.isOpen()) {
            // the client left while it was caught up
            hub.detach(watcher);
            return false;
        }
        return true;
    }
}
