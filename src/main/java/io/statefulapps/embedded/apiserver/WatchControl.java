package io.statefulapps.embedded.apiserver;

import java.util.function.Predicate;

/** The open watches, for the fault step. */
public interface WatchControl {

    /** Ends every open watch (HTTP and WebSocket); clients reconnect and catch up or re-list. */
    void endAllWatches();

    /**
     * Ends the open watches whose request {@code which} accepts; each is described by its verb
     * ({@code watch}), API group, version, resource and namespace (null for all namespaces).
     */
    void endWatches(Predicate<RequestInfo> which);

    /** How many watches are open now. */
    int openWatches();
}
