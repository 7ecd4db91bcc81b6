package io.statefulapps.embedded.apiserver;

import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;

/** A watch over a WebSocket, as Fabric8's informers open it: one text message per event. */
final class WebSocketWatchSink implements WatchSink {

    private final ServerWebSocket socket;
    private final StreamEnd end = new StreamEnd();

    WebSocketWatchSink(ServerWebSocket socket) {
        this.socket = socket;
        socket.closeHandler(v -> end.end());
        socket.exceptionHandler(e -> close());
    }

    @Override
    public void send(byte[] event) {
        if (end.ended()) {
            return;
        }
        try {
            socket.writeTextMessage(new String(event, StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            end.end();
        }
    }

    @Override
    public void close() {
        if (end.end()) {
            try {
                socket.close((short) 1000);
            } catch (IllegalStateException e) {
                // already closed by the client
            }
        }
    }

    @Override
    public boolean isOpen() {
        return !end.ended();
    }

    @Override
    public void onClose(Runnable action) {
        end.onEnd(action);
    }
}
