package io.statefulapps.embedded.apiserver;

import java.time.Duration;

/**
 * A watch that passed every check and is ready to stream: what it selects, from which version
 * (null: ADDED for what exists first), with bookmarks or not, whether it wants the watch-list's
 * initial events, for how long (null: until the client leaves), and as Tables or not.
 */
record WatchReply(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields, Long from,
        boolean bookmarks, boolean initialEvents, Duration timeout, boolean tables) implements Reply {

    /** Reads the watch parameters the way the real server does; a bad one is a 400 before anything streams. */
    static WatchReply of(ResourceType type, RequestTarget target, boolean tables) {
        RequestTarget t = target.unwatched();
        FieldSelector fields = FieldSelector.parse(type, t.param("fieldSelector"));
        if (t.name() != null) {
            // the legacy /watch/.../name form and GET .../name?watch=true watch one object
            fields = fields.withName(t.name());
        }
        String namespace = !type.namespaced() ? "" : t.namespace();
        return new WatchReply(type, namespace, LabelSelector.parse(t.param("labelSelector")), fields,
                version(t.param("resourceVersion")), "true".equals(t.param("allowWatchBookmarks")),
                "true".equals(t.param("sendInitialEvents")), timeout(t.param("timeoutSeconds")), tables);
    }

    /** null means "from now, after ADDED for what exists" (no version or "0", as the real server). */
    private static Long version(String rv) {
        if (rv == null || rv.isEmpty() || rv.equals("0")) {
            return null;
        }
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resourceVersion: " + rv);
        }
    }

    private static Duration timeout(String seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return null;
        }
        try {
            long s = Long.parseLong(seconds);
            return s <= 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid timeoutSeconds: " + seconds);
        }
    }
}
