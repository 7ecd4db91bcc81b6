package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.WebSocket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Watches, with the real server's resourceVersion semantics that the bare CRUD mock lacks:
 * every write is logged with its resourceVersion, a watch starting at version N first replays
 * what happened after N (so nothing written between an informer's list and its watch is lost),
 * a watch without a version first gets ADDED for what exists, and a version older than the log
 * gets 410 Expired (informers then relist). Selectors are applied per watcher, so set-based
 * label selectors and field selectors work on watches too.
 */
final class WatchHub {

    /** One logged change. */
    record Event(long version, ResourceType type, String kind, ObjectNode object) {
    }

    private static final int LOG_SIZE = 20_000;

    private final Deque<Event> log = new ArrayDeque<>();
    private final Map<WatchStream, WebSocket> watchers = new ConcurrentHashMap<>();
    private long forgottenUpTo;

    synchronized void publish(ResourceType type, String kind, ObjectNode object, long version) {
        Event event = new Event(version, type, kind, object.deepCopy());
        log.addLast(event);
        while (log.size() > LOG_SIZE) {
            forgottenUpTo = log.removeFirst().version();
        }
        watchers.forEach((stream, socket) -> deliver(stream, socket, event));
    }

    /** Registers an opened watch and catches it up, atomically with respect to publish. */
    synchronized void attach(WatchStream stream, WebSocket socket, Supplier<List<ObjectNode>> currentState) {
        Long from = stream.fromVersion();
        if (from == null) {
            for (ObjectNode o : currentState.get()) {
                deliver(stream, socket, new Event(0, stream.type(), "ADDED", o));
            }
        } else if (from < forgottenUpTo) {
            socket.send(expired(from));
            socket.close(1000, "expired");
            return;
        } else {
            for (Event e : log) {
                if (e.version() > from) {
                    deliver(stream, socket, e);
                }
            }
        }
        watchers.put(stream, socket);
    }

    /**
     * The catch-up part of a watch as newline-delimited events, for plain HTTP watches (curl,
     * kubectl get -w): the mock web server cannot stream a response body, so such a watch ends
     * after what already happened.
     */
    synchronized String catchUp(WatchStream stream, Supplier<List<ObjectNode>> currentState) {
        StringBuilder out = new StringBuilder();
        Long from = stream.fromVersion();
        if (from != null && from < forgottenUpTo) {
            return expired(from) + "\n";
        }
        Iterable<Event> events = from == null
                ? currentState.get().stream().map(o -> new Event(0, stream.type(), "ADDED", o)).toList() : log;
        for (Event e : events) {
            if ((from == null || e.version() > from) && stream.matches(e.type(), e.object())) {
                out.append(message(e)).append('\n');
            }
        }
        return out.toString();
    }

    void detach(WatchStream stream) {
        watchers.remove(stream);
    }

    private static void deliver(WatchStream stream, WebSocket socket, Event event) {
        if (stream.matches(event.type(), event.object())) {
            socket.send(message(event));
        }
    }

    /** The watch event as the real server writes it: {"type": ..., "object": ...}. */
    private static String message(Event event) {
        ObjectNode message = JsonText.object().put("type", event.kind());
        message.set("object", event.object());
        return JsonText.write(message);
    }

    private String expired(long from) {
        ObjectNode status = new ApiException(410, "Expired", "too old resource version: " + from + " ("
                + forgottenUpTo + ")", null, null, null, List.of()).toStatus();
        ObjectNode message = JsonText.object().put("type", "ERROR");
        message.set("object", status);
        return JsonText.write(message);
    }
}
