package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** What the server does with a request once any delay has passed. */
public sealed interface FaultOutcome {

    /** Serve the request as usual. */
    record Proceed() implements FaultOutcome {
    }

    /** Answer {@code code} with this {@code Status} body and these headers (e.g. {@code Retry-After}). */
    record Fail(int code, ObjectNode body, Map<String, String> headers) implements FaultOutcome {

        public Fail {
            headers = Map.copyOf(headers);
        }

        @Override
        public ObjectNode body() {
            return body.deepCopy();
        }
    }

    /**
     * Close the connection without an answer, as a server that is down would; connections until
     * {@code until} should be refused the same way.
     */
    record RefuseConnection(Instant until) implements FaultOutcome {
    }

    /**
     * End this watch with 410 Gone, forcing the client to list again: kube-apiserver sends it as the
     * watch's first event, {@code {"type":"ERROR","object":<status>}}, with HTTP 200 (a plain 410
     * answer also makes informers list again).
     */
    record WatchGone(int ruleIndex) implements FaultOutcome {

        /** kube-apiserver's {@code Status} for a watch from a compacted resource version. */
        public ObjectNode status(String requestedVersion, String currentVersion) {
            return FaultStatuses.expired(requestedVersion, currentVersion);
        }
    }
}
