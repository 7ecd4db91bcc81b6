package io.statefulapps.embedded.apiserver.faults;

import java.util.List;

/**
 * What installing rules asks of the server at once: end every open watch that one of
 * {@code dropWatches} covers (test each watch as a {@link FaultTarget} with verb {@code watch}).
 */
public record FaultInstallation(List<FaultScope> dropWatches) {

    public FaultInstallation {
        dropWatches = List.copyOf(dropWatches);
    }

    public boolean endsWatch(FaultTarget watch) {
        return dropWatches.stream().anyMatch(scope -> scope.covers(watch));
    }
}
