package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.statefulapps.embedded.apiserver.DirectReplies;
import io.statefulapps.embedded.apiserver.WatchSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** One request's outcome as Fabric8 waits for it: the response future, completed by the API server. */
final class DirectExchange implements DirectReplies {

    private final StandardHttpRequest request;
    private final AsyncBody.Consumer<List<ByteBuffer>> consumer;
    private final Executor delivery;
    private final CompletableFuture<HttpResponse<AsyncBody>> response = new CompletableFuture<>();
    private WatchStream stream;

    DirectExchange(StandardHttpRequest request, AsyncBody.Consumer<List<ByteBuffer>> consumer, Executor delivery) {
        this.request = request;
        this.consumer = consumer;
        this.delivery = delivery;
    }

    CompletableFuture<HttpResponse<AsyncBody>> response() {
        return response;
    }

    void fail(Throwable cause) {
        response.completeExceptionally(cause);
    }

    @Override
    public void answer(int status, String contentType, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", contentType);
        response.complete(new DirectResponse(request, status, all, new AnswerBody(body, consumer)));
    }

    @Override
    public WatchSink watchSink() {
        stream = new WatchStream(consumer, delivery);
        return stream;
    }

    @Override
    public void watching() {
        response.complete(new DirectResponse(request, 200, Map.of("Content-Type", "application/json"), stream));
    }

    @Override
    public void dropped() {
        response.completeExceptionally(new IOException("the embedded API server closed the connection"));
    }
}
