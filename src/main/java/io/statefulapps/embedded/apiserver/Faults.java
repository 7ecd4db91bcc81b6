package io.statefulapps.embedded.apiserver;

/**
 * The pipeline's fault step, the seam for the faults package: it may refuse connections, and for
 * each request (before anyone checks the caller) delay it, answer it (a refusal with a status and
 * Retry-After, or the answer to its own endpoint such as {@code /_sim/faults}), or let it through.
 * Ending every open watch goes through {@link WatchControl}; answering 410 to a watch is an
 * {@link ApiException} with code 410, which a watch receives as its ERROR event.
 */
public interface Faults {

    /** No faults: every connection and request goes through. */
    Faults NONE = new Faults() {
        @Override
        public boolean refuseConnection() {
            return false;
        }

        @Override
        public FaultDecision onRequest(Incoming request) {
            return FaultDecision.PROCEED;
        }
    };

    /** Whether a new connection is closed at once, as if nothing listened. */
    boolean refuseConnection();

    FaultDecision onRequest(Incoming request);
}
