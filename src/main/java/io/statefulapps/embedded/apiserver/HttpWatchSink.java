package io.statefulapps.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A watch over plain HTTP, as kubectl and curl read it: a chunked 200 response carrying one JSON
 * event per line, open until the watch ends or the client leaves.
 */
final class HttpWatchSink extends ConnectionWatchSink {

    private final HttpServerResponse response;

    /** Prepares the chunked response; {@link #opened()} sends its headers. */
    HttpWatchSink(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(v -> end.end());
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache, private");
    }

    /**
     * The watch is attached: the headers go out now (if no event carried them already), so a client
     * that sees the 200 knows every later change will reach it, as with kube-apiserver.
     */
    void opened() {
        if (!end.ended() && !response.headWritten()) {
            try {
                response.writeHead();
            } catch (IllegalStateException gone) {
                end.end();
            }
        }
    }

    @Override
    void write(byte[] event) {
        response.write(Buffer.buffer(event.length + 1).appendBytes(event).appendByte((byte) '\n'));
    }

    @Override
    void finish() {
        response.end();
    }
}
