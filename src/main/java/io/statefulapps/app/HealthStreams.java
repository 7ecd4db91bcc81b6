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
        ReportSubscription subscription = reports.subscribe(scope, listener, blankToNull(lastEventId));
        List<ReportChange> first = subscription.missed().orElseGet(() -> current(scope, known, startId));
        return new Opened(first, subscription.close());
    }

    /** The current report of every app in scope, as changes with the id of the latest change. */
    private List<ReportChange> current(Predicate<AppKey> scope, Map<AppKey, StoredReport> known, String id) {
        List<ReportChange> now = new ArrayList<>();
        Map<AppKey, StoredReport> source = known != null ? known : reports.all();
        source.entrySet().stream().filter(e -> scope.test(e.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> now.add(new ReportChange(id, 0, e.getValue().computedAt(), e.getKey(), e.getValue().json())));
        return now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
