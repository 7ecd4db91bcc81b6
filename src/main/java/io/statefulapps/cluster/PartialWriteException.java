package io.statefulapps.cluster;

import java.util.List;

/**
 * A multi-object write failed part-way. Says which step failed, what was undone, and what could not
 * be undone, so the caller knows exactly what the cluster holds now.
 */
public class PartialWriteException extends StepFailure {

    private final List<String> undone;
    private final List<String> leftBehind;

    public PartialWriteException(String step, List<String> undone, List<String> leftBehind, RuntimeException failure) {
        super(step, failure);
        this.undone = List.copyOf(undone);
        this.leftBehind = List.copyOf(leftBehind);
    }

    /** Objects this request had written and then removed again. */
    public List<String> undone() {
        return undone;
    }

    /** Objects this request wrote that could not be removed (the API became unreachable meanwhile). */
    public List<String> leftBehind() {
        return leftBehind;
    }
}
