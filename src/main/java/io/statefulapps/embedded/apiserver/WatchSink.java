package io.statefulapps.embedded.apiserver;

/**
 * Where one watch's events go: a chunked HTTP response, a WebSocket, or a caller in this JVM
 * ({@link DirectFront}). The store sends while it holds its lock: a sink only hands the bytes on.
 * Thread-safe.
 */
public interface WatchSink {

    /** Sends one event (a JSON object, without line end). */
    void send(byte[] event);

    /** Ends the stream; harmless when it has ended. */
    void close();

    boolean isOpen();

    /** Runs {@code action} once when the stream ends, whoever ends it (at once when it has ended). */
    void onClose(Runnable action);
}
