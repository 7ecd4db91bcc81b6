package io.statefulapps.embedded.apiserver;

import java.time.Clock;
import java.util.Optional;

/** What the seams' factories get from a started API server. */
public interface ApiServerContext {

    StoredObjects objects();

    WatchControl watches();

    AuditLog audit();

    Clock clock();

    /**
     * Who a request comes from, as the access control authenticates it; empty when it would be
     * refused. For the fault step, which runs before authentication.
     */
    Optional<UserInfo> caller(Incoming request);
}
