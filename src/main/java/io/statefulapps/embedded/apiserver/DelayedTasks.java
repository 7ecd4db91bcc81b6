package io.statefulapps.embedded.apiserver;

import java.time.Duration;

/** Runs work later, off the request threads: the server's own controllers (namespace cleanup) use it. */
interface DelayedTasks {

    void schedule(Duration delay, Runnable task);
}
