package io.statefulapps.embedded;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.statefulapps.embedded.apiserver.FaithfulDispatcher;
import io.statefulapps.embedded.apiserver.Kubeconfig;
import io.statefulapps.embedded.apiserver.ResourceCatalog;
import io.statefulapps.embedded.apiserver.Seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * The embedded simulated cluster's API server: Fabric8's mock server in CRUD mode behind our
 * {@link FaithfulDispatcher}, on 127.0.0.1 only, plain HTTP, seeded with namespaces, nodes and
 * StorageClasses.
 *
 * <pre>
 * try (EmbeddedApiServer api = EmbeddedApiServer.start(0)) {   // 0 = a free port
 *   KubernetesClient client = api.newClient();
 *   api.writeKubeconfig(Path.of("target/embedded-kubeconfig"));
 * }
 * </pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {

  private final KubernetesMockServer server;
  private final FaithfulDispatcher dispatcher;
  private final URI url;

  private EmbeddedApiServer(int port) {
    ResourceCatalog catalog = new ResourceCatalog();
    this.dispatcher = new FaithfulDispatcher(new KubernetesCrudDispatcher(), catalog);
    this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server.init(loopback, port);
    this.url = URI.create("http://127.0.0.1:" + server.getPort());
    dispatcher.serverAddress("127.0.0.1:" + server.getPort());
    Seed.apply(dispatcher, catalog);
  }

  /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port) and seeds it. */
  public static EmbeddedApiServer start(int port) {
    return new EmbeddedApiServer(port);
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
    server.destroy();
  }
}
