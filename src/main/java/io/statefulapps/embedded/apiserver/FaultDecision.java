package io.statefulapps.embedded.apiserver;

import java.time.Duration;

/**
 * What the fault step does with a request: wait {@code delay} (zero: none), then close the
 * connection without an answer ({@code dropConnection}, as a server that went away), or answer it
 * with {@code answer}, or when that is null let it through to the next step.
 */
public record FaultDecision(Duration delay, HttpAnswer answer, boolean dropConnection) {

    public static final FaultDecision PROCEED = new FaultDecision(Duration.ZERO, null, false);

    public static FaultDecision delay(Duration delay) {
        return new FaultDecision(delay, null, false);
    }

    public static FaultDecision answer(HttpAnswer answer) {
        return new FaultDecision(Duration.ZERO, answer, false);
    }

    /** Refuses the request as the real server would (a Status; Retry-After when the refusal has one). */
    public static FaultDecision refuse(ApiException refusal) {
        return answer(HttpAnswer.status(refusal));
    }

    /** Closes the request's connection without answering. */
    public static FaultDecision drop() {
        return new FaultDecision(Duration.ZERO, null, true);
    }

    public FaultDecision {
        delay = delay == null ? Duration.ZERO : delay;
    }
}
