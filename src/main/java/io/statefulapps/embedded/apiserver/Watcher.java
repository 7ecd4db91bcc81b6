package io.statefulapps.embedded.apiserver;

/**
 * One open watch: what it selects (kind, namespace, label and field selectors), how it wants its
 * objects (as stored, or as Tables for kubectl's printing), whether it takes bookmarks, and where
 * its events go.
 */
final class Watcher {

    private final ResourceType type;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final boolean bookmarks;
    private final TableConverter tables;
    private final WatchSink sink;

    /**
     * @param namespace null for every namespace; "" for cluster-scoped kinds
     * @param tables null for objects as stored
     */
    Watcher(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields, boolean bookmarks,
            TableConverter tables, WatchSink sink) {
        this.type = type;
        this.namespace = namespace;
        this.labels = labels;
        this.fields = fields;
        this.bookmarks = bookmarks;
        this.tables = tables;
        this.sink = sink;
    }

    ResourceType type() {
        return type;
    }

    WatchSink sink() {
        return sink;
    }

    /** The watch as a request: verb watch on this kind, in its namespace (null for every one). */
    RequestInfo request() {
        String ns = namespace == null || namespace.isEmpty() ? null : namespace;
        return new RequestInfo(true, "watch", type.group(), type.version(), type.plural(), null, ns, null,
                type.collectionPath(ns));
    }

    boolean selects(StoredObject object) {
        return (namespace == null || namespace.equals(object.namespace())) && labels.matches(object.labels())
                && fields.matches(type, object);
    }

    /**
     * Sends the change as this watch sees it: a modification that takes an object into (out of) the
     * selection is ADDED (DELETED), as the real server's watch cache reports it.
     */
    void deliver(EventLog.Entry change) {
        boolean now = selects(change.object());
        WatchEventType kind = change.type();
        if (kind == WatchEventType.MODIFIED && change.previous() != null) {
            boolean before = selects(change.previous());
            if (now && !before) {
                kind = WatchEventType.ADDED;
            } else if (!now && before) {
                kind = WatchEventType.DELETED;
                now = true;
            }
        }
        if (now) {
            send(kind, change.object());
        }
    }

    void send(WatchEventType kind, StoredObject object) {
        byte[] body = tables == null ? object.json() : StoredObject.bytes(tables.convert(type, object.tree()));
        sink.send(WatchEvents.event(kind, body));
    }

    void bookmark(long version) {
        if (bookmarks) {
            sink.send(WatchEvents.bookmark(type, version, false));
        }
    }
}
