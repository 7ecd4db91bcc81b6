package io.statefulapps.app;

import io.statefulapps.live.AppKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The id of an event of a stream's opening snapshot (the current report of each app in scope, sent
 * in app order): the id of the latest change when the snapshot was taken, a dot, and the app's key.
 * A stream cut half-way through the snapshot and resumed with such an id gets the changes since that
 * change, then the rest of the snapshot after that app; one shared id lost the rest.
 *
 * @param changeId the id of the latest change when the snapshot was taken
 * @param after the app whose report the event carried; null for the id of a change
 */
record SnapshotEventId(String changeId, AppKey after) {

    private static final char SEPARATOR = '.';

    static String of(String changeId, AppKey app) {
        return changeId + SEPARATOR + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((app.namespace() + "/" + app.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code Last-Event-ID} read back; a change's id (or one that does not parse) has no app. */
    static SnapshotEventId parse(String id) {
        int dot = id.lastIndexOf(SEPARATOR);
        if (dot < 0) {
            return new SnapshotEventId(id, null);
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(id.substring(dot + 1)), StandardCharsets.UTF_8);
            int slash = key.indexOf('/');
            if (slash <= 0 || slash == key.length() - 1) {
                return new SnapshotEventId(id, null);
            }
            return new SnapshotEventId(id.substring(0, dot), new AppKey(key.substring(0, slash), key.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            return new SnapshotEventId(id, null);
        }
    }
}
