package io.statefulapps.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A stream's registration for report changes, and what it missed since the {@code Last-Event-ID}
 * it gave: empty when it gave none, or one this replica cannot resume from (unknown, or older than
 * the history); the stream then starts from the current state.
 *
 * @param close ends the registration; call it when the stream ends
 */
public record ReportSubscription(Runnable close, Optional<List<ReportChange>> missed) {
}
