package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;

/** The end of a stream, reached once: actions registered before run then, later ones at once. */
final class StreamEnd {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean ended;

    /** Marks the end; true only for the first call. */
    boolean end() {
        List<Runnable> toRun;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            toRun = new ArrayList<>(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
        return true;
    }

    synchronized boolean ended() {
        return ended;
    }

    void onEnd(Runnable action) {
        synchronized (this) {
            if (!ended) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
