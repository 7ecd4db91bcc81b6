package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;

import java.util.concurrent.atomic.AtomicBoolean;

/** Fabric8's builder for {@link DirectHttpClient}: TLS, proxies and timeouts mean nothing without a socket. */
final class DirectHttpClientBuilder
        extends StandardHttpClientBuilder<DirectHttpClient, DirectHttpClientFactory, DirectHttpClientBuilder> {

    DirectHttpClientBuilder(DirectHttpClientFactory factory) {
        super(factory);
    }

    @Override
    public DirectHttpClient build() {
        // a derived client (Fabric8 makes them for watches) shares its parent's closed state
        return new DirectHttpClient(this, client != null ? client.getClosed() : new AtomicBoolean());
    }

    @Override
    protected DirectHttpClientBuilder newInstance(DirectHttpClientFactory factory) {
        return new DirectHttpClientBuilder(factory);
    }
}
