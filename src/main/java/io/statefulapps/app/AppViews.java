package io.statefulapps.app;

import io.statefulapps.cluster.AppLookup;
import io.statefulapps.cluster.ReportStore;
import io.statefulapps.cluster.StoredReport;
import io.statefulapps.cluster.WatchCache;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.HealthTextRenderer;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.live.AppKey;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioReader;
import io.statefulapps.render.TrioRenderer;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.KubernetesNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Finds apps and shows them: the spec read back from the live objects, and their health. */
@ApplicationScoped
public class AppViews {

    private final AppLookup lookup;
    private final ReportStore reports;
    private final WatchCache cache;
    private final TrioReader trioReader = new TrioReader();
    private final TrioRenderer renderer = new TrioRenderer();
    private final Clock clock;

    public AppViews(AppLookup lookup, ReportStore reports, WatchCache cache, Clock clock) {
        this.lookup = lookup;
        this.reports = reports;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The stored report when it can be served as it is: names valid, caches synced, report computed.
     * Empty means "ask {@link #storedHealth}", which answers every other case (404, 422, 503) the
     * long way.
     */
    public Optional<StoredReport> readyHealth(String namespace, String name) {
        if (!KubernetesNames.isDns1123Label(namespace) || !KubernetesNames.isDns1123Subdomain(name)
                || !cache.synced()) {
            return Optional.empty();
        }
        return reports.get(new AppKey(namespace, name));
    }

    /** The app's health report as stored (computed when its objects last changed); 404 when no such app. */
    public StoredReport storedHealth(String namespace, String name) {
        SpecIntake.requireNamespace(namespace);
        reports.requireSynced();
        Optional<StoredReport> stored = reports.get(new AppKey(namespace, name));
        return stored.isPresent() ? stored.get() : reports.reportOf(require(namespace, name));
    }

    /** The app, or a 404 problem when none of its objects exists. */
    public CachedApp require(String namespace, String name) {
        SpecIntake.requireNamespace(namespace);
        // A name no StatefulSet can have names no app: no need to ask the cluster.
        Optional<CachedApp> found = KubernetesNames.isDns1123Subdomain(name) ? lookup.find(namespace, name)
                : Optional.empty();
        return found.orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND,
                "There is no app \"" + name + "\" in namespace \"" + namespace + "\"."));
    }

    /** The spec read back from the live objects; a 409 problem while one of them is missing. */
    public AppSpec specOf(LiveApp app) {
        if (!app.complete()) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "The app \"" + app.name() + "\" is incomplete (missing: " + String.join(", ", app.missing())
                            + "); delete it and create it again.");
        }
        return trioReader.read(app.trio());
    }

    /** A stored report as text, as it reads now (the stored text has the configured number of lines). */
    public byte[] healthText(StoredReport stored) {
        return stored.text().at(clock.instant());
    }

    /** A stored report as text of at most {@code lines} lines, as it reads now. */
    public String healthText(StoredReport stored, int lines) {
        return HealthTextRenderer.render(reports.readBack(stored), lines, clock.instant());
    }

    /** The three objects as the app's spec (read back from the cluster) renders them now. */
    public Trio manifests(String namespace, String name) {
        return renderer.render(namespace, specOf(require(namespace, name).live()));
    }

    /** The app as GET shows it, its status from the stored report. */
    public AppView view(CachedApp app) {
        return view(app, reports.reportOf(app).digest());
    }

    /** The app right after a write: its status assessed now from what the write left, not stored. */
    public AppView viewAfterWrite(CachedApp app) {
        return view(app, ReportDigest.of(reports.assess(app)));
    }

    private AppView view(CachedApp app, ReportDigest health) {
        LiveApp trio = app.live();
        AppSpec spec = trio.complete() ? specOf(trio) : null;
        return new AppView(trio.name(), trio.namespace(), spec, status(health, trio));
    }

    public AppView justCreated(String namespace, AppSpec spec) {
        int replicas = spec.replicas() == null ? 1 : spec.replicas();
        HealthStatus health = replicas == 0 ? HealthStatus.Suspended : HealthStatus.Progressing;
        return new AppView(spec.name(), namespace, spec, new AppStatus(health, replicas, 0, null, null));
    }

    static AppStatus status(ReportDigest report, LiveApp trio) {
        List<String> missing = trio.missing();
        return new AppStatus(report.status(), report.desiredPods(), report.readyPods(), report.summary(),
                missing.isEmpty() ? null : missing);
    }
}
