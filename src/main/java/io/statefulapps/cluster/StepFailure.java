package io.statefulapps.cluster;

/** A write of several steps failed at one of them: which step, and the failure as this service words it. */
public abstract class StepFailure extends RuntimeException {

    private final String step;
    private final RuntimeException failure;

    protected StepFailure(String step, RuntimeException failure) {
        super(failure.getMessage(), failure);
        this.step = step;
        this.failure = failure;
    }

    /** The step that failed, e.g. {@code create Service/eureka} or {@code update StatefulSet/eureka}. */
    public String step() {
        return step;
    }

    /** The translated failure of the step (unavailable, refused, conflict…). */
    public RuntimeException failure() {
        return failure;
    }
}
