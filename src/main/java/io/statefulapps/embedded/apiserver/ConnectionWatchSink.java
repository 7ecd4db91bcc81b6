package io.statefulapps.embedded.apiserver;

/**
 * A watch sink over a client's connection, which the client may drop at any time: Vert.x then
 * refuses writes with an {@link IllegalStateException}, which ends the stream instead of failing
 * the store's send. The two transports differ only in how an event is written and how the stream
 * is ended.
 */
abstract class ConnectionWatchSink implements WatchSink {

    final StreamEnd end = new StreamEnd();

    /** Hands one event to the connection; throws {@link IllegalStateException} when it has gone. */
    abstract void write(byte[] event);

    /** Ends the stream on the connection; throws {@link IllegalStateException} when it has gone. */
    abstract void finish();

    @Override
    public final void send(byte[] event) {
        if (end.ended()) {
            return;
        }
        try {
            write(event);
        } catch (IllegalStateException gone) {
            end.end();
        }
    }

    @Override
    public final void close() {
        if (end.end()) {
            try {
                finish();
            } catch (IllegalStateException alreadyClosedByClient) {
                // nothing left to end
            }
        }
    }

    @Override
    public final boolean isOpen() {
        return !end.ended();
    }

    @Override
    public final void onClose(Runnable action) {
        end.onEnd(action);
    }
}
