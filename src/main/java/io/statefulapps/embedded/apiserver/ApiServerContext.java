package io.statefulapps.embedded.apiserver;

import java.time.Clock;

/** What the seams' factories get from a started API server. */
public interface ApiServerContext {

    StoredObjects objects();

    WatchControl watches();

    AuditLog audit();

    Clock clock();
}
