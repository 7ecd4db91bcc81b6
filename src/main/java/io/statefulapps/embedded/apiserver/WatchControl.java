package io.statefulapps.embedded.apiserver;

/** The open watches, for the fault step. */
public interface WatchControl {

    /** Ends every open watch (HTTP and WebSocket); clients reconnect and catch up or re-list. */
    void endAllWatches();

    /** How many watches are open now. */
    int openWatches();
}
