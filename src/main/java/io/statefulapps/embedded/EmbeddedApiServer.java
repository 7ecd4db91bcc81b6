package io.statefulapps.embedded;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.statefulapps.embedded.apiserver.ApiServer;
import io.statefulapps.embedded.apiserver.AuditLog;
import io.statefulapps.embedded.apiserver.ServingCertificate;
import io.statefulapps.embedded.apiserver.WatchControl;
import io.statefulapps.embedded.apiserver.faults.FaultEndpoint;
import io.statefulapps.embedded.apiserver.protobuf.KubernetesProtobuf;
import io.statefulapps.embedded.apiserver.protobuf.ProtobufBodyDecoder;
import io.statefulapps.embedded.apiserver.rbac.DecisionRecorder;
import io.statefulapps.embedded.apiserver.rbac.EnforcingAccess;
import io.statefulapps.embedded.apiserver.rbac.TokenFile;
import io.statefulapps.embedded.direct.DirectHttpClientFactory;
import io.statefulapps.kubernetes.JsonFirstSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded simulated cluster's API server ({@link ApiServer}, on 127.0.0.1 only, seeded with
 * namespaces, nodes and StorageClasses) with what its clients need: a Fabric8 client and a
 * kubeconfig for kubectl.
 *
 * <p>Without a token file it serves plain HTTP and lets everyone do everything. With one
 * (kube-apiserver's {@code --token-auth-file} format) it checks every caller like kube-apiserver
 * with RBAC: it serves HTTPS with a self-signed certificate (kubectl sends tokens only over TLS),
 * and its kubeconfig and clients carry an admin token (group {@code system:masters}).
 *
 * <pre>
 * try (EmbeddedApiServer api = EmbeddedApiServer.start(0)) {   // 0 = a free port
 *   KubernetesClient client = api.newClient();
 *   api.writeKubeconfig(Path.of("target/embedded-kubeconfig"));
 * }
 * </pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {

    /** The token of the kubeconfig and clients of a server that checks nobody (it is never looked at). */
    static final String OPEN_TOKEN = "embedded";

    private final ApiServer server;
    private final URI url;
    private final ServingCertificate tls;
    private final EnforcingAccess enforcing;

    private EmbeddedApiServer(int port, List<String> namespaces, Optional<TokenFile> tokens) {
        AtomicReference<EnforcingAccess> access = new AtomicReference<>();
        ApiServer.Parts parts = ApiServer.Parts.defaults()
                .withDecoder(KubernetesProtobuf.MEDIA_TYPE, new ProtobufBodyDecoder())
                .withFaults(FaultEndpoint::new);
        ApiServer.Options options = ApiServer.Options.defaults(port, namespaces);
        if (tokens.isPresent()) {
            parts = parts.withAccess(context -> {
                access.set(EnforcingAccess.over(tokens.get(), context));
                return access.get();
            });
            options = options.withTls(ServingCertificate.selfSigned(Instant.now()));
        }
        this.server = ApiServer.start(options, parts);
        this.tls = options.tls();
        this.enforcing = access.get();
        this.url = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + server.port());
    }

    /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port) with the system namespaces. */
    public static EmbeddedApiServer start(int port) {
        return start(port, List.of());
    }

    /** Starts the server with {@code namespaces} besides default, kube-system and kube-public. */
    public static EmbeddedApiServer start(int port, List<String> namespaces) {
        return new EmbeddedApiServer(port, namespaces, Optional.empty());
    }

    /**
     * Starts the server; with a token file it checks every caller.
     *
     * @throws IllegalStateException when the token file cannot be read or kube-apiserver would refuse it
     */
    public static EmbeddedApiServer start(int port, List<String> namespaces, Optional<Path> tokenFile) {
        return new EmbeddedApiServer(port, namespaces, tokenFile.map(EmbeddedApiServer::readTokens));
    }

    /** Starts a server that checks every caller against these tokens. */
    public static EmbeddedApiServer startChecking(int port, List<String> namespaces, TokenFile tokens) {
        return new EmbeddedApiServer(port, namespaces, Optional.of(tokens));
    }

    private static TokenFile readTokens(Path file) {
        try {
            return TokenFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded API server's token file " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the embedded API server's token file is refused: " + e.getMessage(), e);
        }
    }

    /** Whether every caller needs a known token and RBAC's permission (a token file was given). */
    public boolean checksCallers() {
        return enforcing != null;
    }

    /** The token of the kubeconfig and of {@link #newClient()}: the admin's when callers are checked. */
    public String adminToken() {
        return enforcing == null ? OPEN_TOKEN : enforcing.adminToken();
    }

    /**
     * Every authorization decision: who asked what, allowed or not, and which rule allowed it, e.g. to
     * prove that a ClusterRole grants what a client needs and no more
     * ({@link DecisionRecorder#coverage}). Empty when callers are not checked.
     */
    public DecisionRecorder decisions() {
        return enforcing == null ? new DecisionRecorder() : enforcing.decisions();
    }

    /** Every request the server answered: who asked what, and what it answered. */
    public AuditLog audit() {
        return server.audit();
    }

    /** The open watches: how many, and ending them all as a restarting API server would. */
    public WatchControl watches() {
        return server.watches();
    }

    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    /** A Fabric8 client for this server with the admin token; the caller closes it. */
    public KubernetesClient newClient() {
        return newClient(adminToken());
    }

    /** A Fabric8 client that calls with {@code token}; the caller closes it. */
    public KubernetesClient newClient(String token) {
        return new KubernetesClientBuilder().withConfig(clientConfig(token)).build();
    }

    /**
     * A Fabric8 client with the admin token that reaches this server without a socket: the same
     * pipeline (faults, checks, handlers, audit), on the caller's thread; watches stream as plain
     * HTTP watches. The simulated controllers' client; the caller closes it.
     *
     * <p>Its informers hand nothing to a pool: Fabric8 would pass every listed object and watch
     * event to its task executor one at a time, waking a pool thread per change (10,000 apps
     * created and settled made ~650,000 such hand-offs). The controllers' handlers only put keys
     * on queues, so they run on the thread that delivers the watch.
     */
    public KubernetesClient newDirectClient() {
        // No request timeout, like client-go's controllers (rest.Config's Timeout is 0): a request is
        // answered on the caller's thread, slower only by a fault's delay; with a timeout Fabric8
        // schedules a timer per request and cancels it, an exception and its stack trace each time.
        Config config = new ConfigBuilder(clientConfig(adminToken())).withOnlyHttpWatches(true).withRequestTimeout(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).withTaskExecutor(Runnable::run)
                .withKubernetesSerialization(JsonFirstSerialization.sharingValues())
                .withHttpClientFactory(new DirectHttpClientFactory(server.direct())).build();
    }

    /** The client configuration with the admin token, for callers that build their own client. */
    public Config clientConfig() {
        return clientConfig(adminToken());
    }

    private Config clientConfig(String token) {
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl(url.toString()).withNamespace("default")
                .withTrustCerts(true).withOauthToken(token).withRequestRetryBackoffLimit(0);
        if (tls != null) {
            config.withCaCertData(tls.certificateAuthorityData());
        }
        return config.build();
    }

    /** Writes a kubeconfig with the admin token (cluster/user/context "stateful-apps-embedded", namespace default). */
    public Path writeKubeconfig(Path file) {
        return writeKubeconfig(file, adminToken());
    }

    /** Writes a kubeconfig that calls with {@code token}. */
    public Path writeKubeconfig(Path file, String token) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String caData = tls == null ? null : tls.certificateAuthorityData();
            Files.writeString(file, Kubeconfig.render(url, token, caData), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded kubeconfig to " + file, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
