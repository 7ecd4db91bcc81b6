package io.statefulapps.embedded.apiserver;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl logs -f}: a chunked text/plain response that starts with the log so far and then
 * looks at the pod every {@code interval}, appending what the simulated container wrote since,
 * until the run ends (its last lines, then the end), the pod goes, or the client leaves.
 */
record LogFollower(Vertx vertx, PodLogs logs, Duration interval) {

    void start(LogFollowReply follow, HttpServerResponse response) {
        StreamEnd end = new StreamEnd();
        response.closeHandler(v -> end.end());
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
        response.write(follow.text());
        Cursor cursor = new Cursor(follow.lastLine(), follow.bytesLeft());
        long timer = vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> {
            poll(follow, cursor, response, end);
            return null;
        }));
        end.onEnd(() -> vertx.cancelTimer(timer));
    }

    /** How far the client has read: the last line's time and the bytes limitBytes still allows. */
    private static final class Cursor {
        Instant last;
        Long bytesLeft;

        Cursor(Instant last, Long bytesLeft) {
            this.last = last;
            this.bytesLeft = bytesLeft;
        }
    }

    private void poll(LogFollowReply follow, Cursor cursor, HttpServerResponse response, StreamEnd end) {
        if (end.ended()) {
            return;
        }
        PodLogs.More more = logs.linesAfter(follow, cursor.last);
        List<SimulatedLog.Line> lines = more.lines();
        if (!lines.isEmpty()) {
            cursor.last = lines.get(lines.size() - 1).at();
            String text = PodLogs.format(lines, follow.timestamps(), cursor.bytesLeft);
            if (cursor.bytesLeft != null) {
                cursor.bytesLeft -= text.getBytes(StandardCharsets.UTF_8).length;
            }
            write(response, text, end);
        }
        if (more.ended() || (cursor.bytesLeft != null && cursor.bytesLeft <= 0)) {
            if (end.end()) {
                try {
                    response.end();
                } catch (IllegalStateException e) {
                    // the client left first
                }
            }
        }
    }

    private static void write(HttpServerResponse response, String text, StreamEnd end) {
        try {
            response.write(Buffer.buffer(text));
        } catch (IllegalStateException e) {
            end.end();
        }
    }
}
