package io.statefulapps.embedded.apiserver;

import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Builds the API server's parts and wires them together; the one place that knows them all. */
final class ApiServerAssembly {

    /** Makes the context the seams' factories get. */
    interface ContextFactory {
        ApiServerContext make(StoredObjects objects, WatchControl watches, AuditLog audit, Clock clock,
                Function<Incoming, Optional<UserInfo>> callers);
    }

    private final ResourceCatalog catalog = new ResourceCatalog();
    private final WatchHub hub = new WatchHub();
    private final ObjectStore store;
    private final AuditLog audit;
    private final AccessControl access;
    private final WriteHandler writes;
    private final HttpFront front;
    private final DirectFront direct;
    private final AtomicInteger port = new AtomicInteger();

    ApiServerAssembly(Vertx vertx, ApiServer.Options options, ApiServer.Parts parts, Clock clock,
            ContextFactory contexts) {
        store = new ObjectStore(catalog, hub, clock, options.eventLogCapacity());
        audit = new AuditLog(options.auditCapacity(), clock);
        AtomicReference<AccessControl> made = new AtomicReference<>();
        ApiServerContext context = contexts.make(new StoredObjectsView(store, catalog), hub, audit, clock,
                request -> callerOf(made.get(), request));
        access = parts.access().apply(context);
        made.set(access);
        Faults faults = parts.faults().apply(context);
        DelayedTasks later = (delay, task) -> vertx.setTimer(Math.max(1, delay.toMillis()),
                id -> vertx.executeBlocking(() -> {
                    task.run();
                    return null;
                }, false));
        GarbageCollector gc = new GarbageCollector(store, catalog);
        NamespaceLifecycle namespaces = new NamespaceLifecycle(store, catalog, gc, later, clock);
        writes = new WriteHandler(store, catalog, new Defaulter(store, catalog, clock), namespaces, gc);
        ListHandler lists = new ListHandler(store);
        TableConverter tables = new TableConverter(clock);
        PodLogs logs = new PodLogs(store, catalog.get("", "pods"), clock);
        NonResourcePaths nonResource = new NonResourcePaths(new Discovery(catalog, () -> "127.0.0.1:" + port.get()),
                new OpenApi(catalog));
        DeleteHandler deletes = new DeleteHandler(store, gc, namespaces, lists,
                new GracefulPodDeletion(store, clock, new ContainerStop(store, gc, later, clock)));
        ResourceRouter router = new ResourceRouter(catalog, nonResource, lists, writes, deletes,
                new PodEviction(store, catalog, deletes, clock), logs, new ReviewResources(access, store), tables);
        RequestPipeline pipeline = new RequestPipeline(catalog, faults, access, new BodyDecoders(parts.decoders()), router,
                audit);
        BiConsumer<Duration, Runnable> timers = (delay, action) -> vertx.setTimer(Math.max(1, delay.toMillis()),
                id -> action.run());
        WatchOpener opener = new WatchOpener(store, hub, tables, timers);
        front = new HttpFront(vertx, pipeline, faults, opener, new LogFollower(vertx, logs, options.logFollowInterval()));
        direct = new DirectFront(pipeline, opener, later::schedule);
        vertx.setPeriodic(options.bookmarkInterval().toMillis(), id -> vertx.executeBlocking(() -> store.read(() -> {
            hub.bookmark(store.version());
            return null;
        }), false));
    }

    private static Optional<UserInfo> callerOf(AccessControl access, Incoming request) {
        if (access == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(access.authenticate(request));
        } catch (ApiException refused) {
            return Optional.empty();
        }
    }

    ObjectStore store() {
        return store;
    }

    HttpFront front() {
        return front;
    }

    DirectFront direct() {
        return direct;
    }

    AuditLog audit() {
        return audit;
    }

    WatchHub watches() {
        return hub;
    }

    /** Creates the bootstrap objects through the normal admission path, once the port is known. */
    void bootstrap(List<String> namespaces, int listeningPort) {
        port.set(listeningPort);
        List<BootstrapObject> objects = new ArrayList<>(BootstrapObjects.of(namespaces));
        objects.addAll(access.bootstrapObjects());
        for (BootstrapObject o : objects) {
            ResourceType type = catalog.get(o.group(), o.resource());
            String ns = o.object().path("metadata").path("namespace").asText(null);
            writes.create(type, RequestTarget.parse(type.collectionPath(ns)), o.object().deepCopy());
        }
    }
}
