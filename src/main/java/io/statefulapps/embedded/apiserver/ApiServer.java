package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.net.InetAddress;
import java.util.HashMap;

/**
 * The embedded API server as the rest of {@code embedded} sees it: started on 127.0.0.1, seeded
 * with its bootstrap objects, stopped. Everything behind it is this package's own.
 */
public final class ApiServer implements AutoCloseable {

    private final KubernetesMockServer server;

    private ApiServer(int port) {
        ResourceCatalog catalog = new ResourceCatalog();
        FaithfulDispatcher dispatcher = new FaithfulDispatcher(new KubernetesCrudDispatcher(), catalog);
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), port);
        dispatcher.serverAddress("127.0.0.1:" + server.getPort());
        BootstrapObjects.apply(dispatcher, catalog);
    }

    /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port) and seeds it. */
    public static ApiServer start(int port) {
        return new ApiServer(port);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
