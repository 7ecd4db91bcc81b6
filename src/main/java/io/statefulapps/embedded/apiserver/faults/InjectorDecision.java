package io.statefulapps.embedded.apiserver.faults;

import java.time.Duration;
import java.util.List;

/**
 * What the fault rules make of one request: wait {@code delay} first, then act on {@code outcome};
 * {@code fired} lists the indexes of the rules that took effect.
 */
public record InjectorDecision(Duration delay, FaultOutcome outcome, List<Integer> fired) {

    static final InjectorDecision NONE = new InjectorDecision(Duration.ZERO, new FaultOutcome.Proceed(), List.of());

    public InjectorDecision {
        fired = List.copyOf(fired);
    }

    /** True when the request is to be served at once, as if there were no rules. */
    public boolean none() {
        return delay.isZero() && outcome instanceof FaultOutcome.Proceed;
    }
}
