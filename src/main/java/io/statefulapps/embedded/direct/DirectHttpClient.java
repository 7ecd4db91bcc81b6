package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpClient;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.fabric8.kubernetes.client.http.StandardWebSocketBuilder;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Fabric8 HTTP client whose requests are served by the embedded API server in this JVM, on the
 * calling thread: the response future is usually complete when {@code consumeBytesDirect} returns.
 */
final class DirectHttpClient
        extends StandardHttpClient<DirectHttpClient, DirectHttpClientFactory, DirectHttpClientBuilder> {

    DirectHttpClient(DirectHttpClientBuilder builder, AtomicBoolean closed) {
        super(builder, closed);
    }

    @Override
    public CompletableFuture<HttpResponse<AsyncBody>> consumeBytesDirect(StandardHttpRequest request,
            AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        DirectHttpClientFactory factory = builder.getClientFactory();
        DirectExchange exchange = new DirectExchange(request, consumer, factory.delivery());
        try {
            factory.front().serve(request.method(), target(request.uri()), headers(request), body(request), exchange);
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
        return exchange.response();
    }

    @Override
    public CompletableFuture<WebSocketResponse> buildWebSocketDirect(StandardWebSocketBuilder webSocket,
            WebSocket.Listener listener) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "no WebSockets without a socket: build the client with onlyHttpWatches"));
    }

    @Override
    protected void doClose() {
        builder.getClientFactory().delivery().shutdownNow();
    }

    /** The raw path and query, as a request line carries them. */
    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Map<String, List<String>> headers(StandardHttpRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        if (request.getContentType() != null) {
            headers.put("Content-Type", List.of(request.getContentType()));
        }
        return headers;
    }

    private static byte[] body(StandardHttpRequest request) {
        StandardHttpRequest.BodyContent body = request.body();
        if (body instanceof StandardHttpRequest.StringBodyContent text) {
            return text.getContent().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof StandardHttpRequest.ByteArrayBodyContent bytes) {
            return bytes.getContent();
        }
        if (body instanceof StandardHttpRequest.InputStreamBodyContent stream) {
            try (var in = stream.getContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the request body", e);
            }
        }
        return new byte[0];
    }
}
