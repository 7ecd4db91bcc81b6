package io.statefulapps.embedded.apiserver;

import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;

/** A watch over a WebSocket, as Fabric8's informers open it: one text message per event. */
final class WebSocketWatchSink extends ConnectionWatchSink {

    private final ServerWebSocket socket;

    WebSocketWatchSink(ServerWebSocket socket) {
        this.socket = socket;
        socket.closeHandler(v -> end.end());
        socket.exceptionHandler(e -> close());
    }

    @Override
    void write(byte[] event) {
        socket.writeTextMessage(new String(event, StandardCharsets.UTF_8));
    }

    @Override
    void finish() {
        socket.close((short) 1000);
    }
}
