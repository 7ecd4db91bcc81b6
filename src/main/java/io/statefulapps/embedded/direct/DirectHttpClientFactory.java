package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.statefulapps.embedded.apiserver.DirectFront;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes Fabric8 clients whose requests go to {@code front} in this JVM. Give it to
 * {@code KubernetesClientBuilder.withHttpClientFactory}, with {@code onlyHttpWatches} set (watches
 * stream as plain HTTP; there are no WebSockets without a socket). The clients of one factory share
 * the thread their watch events are delivered on; closing a client ends it.
 */
public final class DirectHttpClientFactory implements HttpClient.Factory {

    private final DirectFront front;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "embedded-direct-watches");
        t.setDaemon(true);
        return t;
    });

    public DirectHttpClientFactory(DirectFront front) {
        this.front = front;
    }

    @Override
    public HttpClient.Builder newBuilder() {
        return new DirectHttpClientBuilder(this);
    }

    DirectFront front() {
        return front;
    }

    ExecutorService delivery() {
        return delivery;
    }
}
