package io.statefulapps.embedded.apiserver;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The embedded API server as the rest of {@code embedded} sees it: started on 127.0.0.1 (plain HTTP,
 * or HTTPS with a {@link ServingCertificate}) with its
 * own Vert.x (so it runs inside Quarkus and without it), seeded with its bootstrap objects, and
 * stopped. The seams of its request pipeline are filled through {@link Parts}.
 */
public final class ApiServer implements AutoCloseable {

    /**
     * How the server runs.
     *
     * @param port 0 picks a free one
     * @param namespaces created at start besides default, kube-system and kube-public
     * @param bookmarkInterval how often watches that allow bookmarks get one
     * @param eventLogCapacity changes held per kind for watches that resume from a version
     * @param logFollowInterval how often a followed log looks for new lines
     * @param auditCapacity requests the audit log holds
     * @param tls the identity to serve HTTPS with; null for plain HTTP
     */
    public record Options(int port, List<String> namespaces, Duration bookmarkInterval, int eventLogCapacity,
            Duration logFollowInterval, int auditCapacity, ServingCertificate tls) {

        /** Plain HTTP. */
        public Options(int port, List<String> namespaces, Duration bookmarkInterval, int eventLogCapacity,
                Duration logFollowInterval, int auditCapacity) {
            this(port, namespaces, bookmarkInterval, eventLogCapacity, logFollowInterval, auditCapacity, null);
        }

        public static Options defaults(int port, List<String> namespaces) {
            return new Options(port, List.copyOf(namespaces), Duration.ofSeconds(30), 10_000, Duration.ofMillis(500),
                    100_000);
        }

        public Options withTls(ServingCertificate identity) {
            return new Options(port, namespaces, bookmarkInterval, eventLogCapacity, logFollowInterval, auditCapacity,
                    identity);
        }
    }

    /**
     * The pipeline's seams: body decoders by media type (JSON and YAML are built in), the access
     * control and the fault step, the last two made once the server's state exists.
     */
    public record Parts(Map<String, BodyDecoder> decoders, Function<ApiServerContext, AccessControl> access,
            Function<ApiServerContext, Faults> faults) {

        /** JSON and YAML bodies, everyone may do everything, no faults. */
        public static Parts defaults() {
            return new Parts(Map.of(), context -> new OpenAccess(context.clock()), context -> Faults.NONE);
        }

        public Parts withDecoder(String mediaType, BodyDecoder decoder) {
            Map<String, BodyDecoder> more = new HashMap<>(decoders);
            more.put(mediaType, decoder);
            return new Parts(Map.copyOf(more), access, faults);
        }

        public Parts withAccess(Function<ApiServerContext, AccessControl> factory) {
            return new Parts(decoders, factory, faults);
        }

        public Parts withFaults(Function<ApiServerContext, Faults> factory) {
            return new Parts(decoders, access, factory);
        }
    }

    private record Context(StoredObjects objects, WatchControl watches, AuditLog audit, Clock clock,
            Function<Incoming, Optional<UserInfo>> callers) implements ApiServerContext {

        @Override
        public Optional<UserInfo> caller(Incoming request) {
            return callers.apply(request);
        }
    }

    private final Vertx vertx;
    private final ApiServerAssembly assembly;
    private final HttpServer server;

    private ApiServer(Options options, Parts parts) {
        Clock clock = Clock.systemUTC();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(8)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        try {
            this.assembly = new ApiServerAssembly(vertx, options, parts, clock, Context::new);
            this.server = assembly.front().listen("127.0.0.1", options.port(), options.tls()).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assembly.bootstrap(options.namespaces(), server.actualPort());
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the embedded API server did not start on port " + options.port(), e);
        }
    }

    /** Starts the server on 127.0.0.1 and seeds it. */
    public static ApiServer start(Options options, Parts parts) {
        return new ApiServer(options, parts);
    }

    /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port) with the defaults. */
    public static ApiServer start(int port) {
        return start(Options.defaults(port, List.of()), Parts.defaults());
    }

    public int port() {
        return server.actualPort();
    }

    /** The server for callers in this JVM: the same pipeline without a socket. */
    public DirectFront direct() {
        return assembly.direct();
    }

    /** Every request answered, for tests that prove who asked what. */
    public AuditLog audit() {
        return assembly.audit();
    }

    /** The store itself, for measurements that fill it without going through HTTP. */
    ObjectStore store() {
        return assembly.store();
    }

    /** The open watches: how many, and ending them all as a restarting API server would. */
    public WatchControl watches() {
        return assembly.watches();
    }

    @Override
    public void close() {
        assembly.watches().endAllWatches();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded API server did not stop cleanly", e);
        }
    }
}
