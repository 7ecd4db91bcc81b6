package io.statefulapps.cluster;

import java.util.List;

/**
 * A change to a live app (PATCH, DELETE) failed part-way. Unlike a create it is not rolled back
 * (the old state may be gone for good, e.g. a grown claim cannot shrink), so it says exactly what it
 * had changed and what it had not; the same request sent again finishes the job.
 */
public class PartialChangeException extends StepFailure {

    private final List<String> changed;
    private final List<String> unchanged;

    public PartialChangeException(String step, List<String> changed, List<String> unchanged,
            RuntimeException failure) {
        super(step, failure);
        this.changed = List.copyOf(changed);
        this.unchanged = List.copyOf(unchanged);
    }

    /** The steps done before the failure. */
    public List<String> changed() {
        return changed;
    }

    /** The failed step and the ones after it, not done. */
    public List<String> unchanged() {
        return unchanged;
    }
}
