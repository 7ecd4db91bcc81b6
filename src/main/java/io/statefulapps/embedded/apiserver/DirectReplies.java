package io.statefulapps.embedded.apiserver;

import java.util.Map;

/** Where {@link DirectFront} tells a caller in this JVM what came of its request. */
public interface DirectReplies {

    /** A complete answer. */
    void answer(int status, String contentType, Map<String, String> headers, byte[] body);

    /**
     * A watch is about to start: the sink its events go to (one JSON object per
     * {@link WatchSink#send}); nothing may reach the caller before {@link #watching}.
     */
    WatchSink watchSink();

    /** The watch is attached (its 200): every later change reaches the sink. */
    void watching();

    /** No answer at all, as when a server closes the connection. */
    void dropped();
}
