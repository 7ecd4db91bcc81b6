package io.statefulapps.app;

import io.statefulapps.cluster.ReportChange;
import io.statefulapps.cluster.ReportStore;
import io.statefulapps.cluster.ReportSubscription;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.config.StreamConfig;
import io.statefulapps.live.AppKey;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams of health changes: one app's, or every app's of a namespace. A stream starts with what it
 * missed since its {@code Last-Event-ID} (when this replica's history still holds it) or with the
 * current report of every app in scope, then hears each change of a verdict or of the problems.
 */
@ApplicationScoped
public class HealthStreams {

    /** An open stream: what to send first, and how to end it. */
    public record Opened(List<ReportChange> first, Runnable close) {
    }

    @Inject
    ReportStore reports;
    @Inject
    AppViews views;
    @Inject
    StreamConfig config;

    /** One app's stream; 404 when there is no such app. */
    public Opened app(String namespace, String name, String lastEventId, Consumer<ReportChange> listener) {
        StoredReport current = views.storedHealth(namespace, name);
        AppKey app = new AppKey(namespace, name);
        return open(app::equals, lastEventId, listener, Map.of(app, current));
    }

    /** Every app of a namespace, those created later included. */
    public Opened namespace(String namespace, String lastEventId, Consumer<ReportChange> listener) {
        SpecIntake.requireNamespace(namespace);
        reports.requireSynced();
        Predicate<AppKey> scope = app -> app.namespace().equals(namespace);
        return open(scope, lastEventId, listener, null);
    }

    private Opened open(Predicate<AppKey> scope, String lastEventId, Consumer<ReportChange> listener,
            Map<AppKey, StoredReport> known) {
        int maxSubscribers = config.maxSubscribers();
        if (reports.subscribers() >= maxSubscribers) {
            throw new ProblemException(Problem.of(ProblemType.TOO_MANY_STREAMS, "This replica already serves "
                    + maxSubscribers + " streams (stateful-apps.streams.max-subscribers). Retry later, or through "
                    + "another replica."));
        }
        String startId = reports.latestChangeId();
        String last = blankToNull(lastEventId);
        SnapshotEventId resumed = last == null ? null : SnapshotEventId.parse(last);
        ReportSubscription subscription = reports.subscribe(scope, listener, resumed == null ? null : resumed.changeId());
        List<ReportChange> first = subscription.missed()
                .map(missed -> resumed.after() == null ? missed
                        : concat(missed, current(scope.and(app -> app.compareTo(resumed.after()) > 0), known, startId)))
                .orElseGet(() -> current(scope, known, startId));
        return new Opened(first, subscription.close());
    }

    /**
     * The current report of every app in scope, in app order, each with its own id: the id of the
     * latest change and the app (see {@link SnapshotEventId}).
     */
    private List<ReportChange> current(Predicate<AppKey> scope, Map<AppKey, StoredReport> known, String changeId) {
        List<ReportChange> now = new ArrayList<>();
        Map<AppKey, StoredReport> source = known != null ? known : reports.all();
        source.entrySet().stream().filter(e -> scope.test(e.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> now.add(new ReportChange(SnapshotEventId.of(changeId, e.getKey()), 0,
                        e.getValue().computedAt(), e.getKey(), e.getValue().json())));
        return now;
    }

    /** The changes missed first, then the rest of the snapshot: an app's newest report comes last. */
    private static List<ReportChange> concat(List<ReportChange> missed, List<ReportChange> rest) {
        List<ReportChange> all = new ArrayList<>(missed);
        all.addAll(rest);
        return all;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
