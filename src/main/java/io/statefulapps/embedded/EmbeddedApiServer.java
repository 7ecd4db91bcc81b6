package io.statefulapps.embedded;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.statefulapps.embedded.apiserver.ApiServer;
import io.statefulapps.embedded.apiserver.AuditLog;
import io.statefulapps.embedded.apiserver.WatchControl;
import io.statefulapps.embedded.apiserver.protobuf.KubernetesProtobuf;
import io.statefulapps.embedded.apiserver.protobuf.ProtobufBodyDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded simulated cluster's API server ({@link ApiServer}, on 127.0.0.1 only, plain HTTP,
 * seeded with namespaces, nodes and StorageClasses) with what its clients need: a Fabric8 client
 * and a kubeconfig for kubectl.
 *
 * <pre>
 * try (EmbeddedApiServer api = EmbeddedApiServer.start(0)) {   // 0 = a free port
 *   KubernetesClient client = api.newClient();
 *   api.writeKubeconfig(Path.of("target/embedded-kubeconfig"));
 * }
 * </pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {

    private final ApiServer server;
    private final URI url;

    private EmbeddedApiServer(int port, List<String> namespaces) {
        this.server = ApiServer.start(ApiServer.Options.defaults(port, namespaces), parts());
        this.url = URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * The seams of the API server's request pipeline as the embedded cluster fills them. The
     * protobuf decoder ({@code apiserver.protobuf}), the RBAC access control ({@code apiserver.rbac},
     * when a token file is configured) and the fault rules ({@code apiserver.faults}) plug in here.
     */
    static ApiServer.Parts parts() {
        return ApiServer.Parts.defaults().withDecoder(KubernetesProtobuf.MEDIA_TYPE, new ProtobufBodyDecoder());
    }

    /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port) with the system namespaces. */
    public static EmbeddedApiServer start(int port) {
        return new EmbeddedApiServer(port, List.of());
    }

    /** Starts the server with {@code namespaces} besides default, kube-system and kube-public. */
    public static EmbeddedApiServer start(int port, List<String> namespaces) {
        return new EmbeddedApiServer(port, namespaces);
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

    /** A Fabric8 client for this server; the caller closes it. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(clientConfig()).build();
    }

    /** The client configuration, for callers that build their own client. */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url.toString()).withNamespace("default")
                .withTrustCerts(true).withOauthToken("embedded").withRequestRetryBackoffLimit(0).build();
    }

    /** Writes a kubeconfig (cluster/user/context "stateful-apps-embedded", namespace default). */
    public Path writeKubeconfig(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Kubeconfig.render(url), StandardCharsets.UTF_8);
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
