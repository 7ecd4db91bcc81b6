package io.statefulapps.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PemKeyCertOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API server's HTTP front on Vert.x: reads each request (bodies up to the real server's 3 MiB),
 * drives it through the {@link RequestPipeline} off the event loop, and writes the reply: a
 * complete answer, a watch streamed as chunked HTTP or over a WebSocket (what Fabric8's informers
 * ask for), or a followed log.
 */
final class HttpFront {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    private static final int MAX_BODY = 3 * 1024 * 1024;

    private final Vertx vertx;
    private final RequestPipeline pipeline;
    private final Faults faults;
    private final WatchOpener watches;
    private final LogFollower logs;

    HttpFront(Vertx vertx, RequestPipeline pipeline, Faults faults, WatchOpener watches, LogFollower logs) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.faults = faults;
        this.watches = watches;
        this.logs = logs;
    }

    /** Listens on {@code host:port}, over TLS with {@code tls} unless it is null. */
    Future<HttpServer> listen(String host, int port, ServingCertificate tls) {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setReuseAddress(true)
                .setMaxWebSocketFrameSize(16 * 1024 * 1024);
        if (tls != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(tls.certificatePem())).setKeyValue(Buffer.buffer(tls.privateKeyPem())));
        }
        HttpServer server = vertx.createHttpServer(options);
        server.connectionHandler(connection -> {
            if (faults.refuseConnection()) {
                connection.close();
            }
        });
        // WebSocket upgrades come to the request handler too (no WebSocket handler is set), so the
        // pipeline runs before the handshake is answered
        server.requestHandler(this::onRequest);
        return server.listen();
    }

    private void onRequest(HttpServerRequest request) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            onWebSocket(request);
            return;
        }
        readBody(request).onComplete(body -> {
            if (body.failed()) {
                HttpAnswer tooLarge = HttpAnswer.status(new ApiException(413, "RequestEntityTooLarge",
                        "the request is too large", null, null, null, List.of()));
                send(request.response(), tooLarge);
                return;
            }
            Incoming in = new Incoming(request.method().name(), request.uri(), headers(request), body.result());
            run(request, in, outcome -> reply(request.response(), in, outcome));
        });
    }

    /**
     * A WebSocket upgrade: the request waits (paused) while the pipeline runs, then is upgraded for a
     * watch, or refused with a plain HTTP status as the real server refuses a handshake.
     */
    private void onWebSocket(HttpServerRequest request) {
        request.pause();
        Incoming in = new Incoming("GET", request.uri(), headers(request), new byte[0]);
        run(request, in, outcome -> {
            WatchReply watch = outcome.reply() instanceof WatchReply w ? w : null;
            if (watch == null && !WatchOpener.isExpiredWatch(in, outcome.reply())) {
                HttpAnswer refusal = outcome.reply() instanceof HttpAnswer answer ? answer
                        : HttpAnswer.status(ApiException.badRequest("this resource cannot be streamed"));
                pipeline.audit(outcome.user(), in, refusal.status());
                send(request.response(), refusal);
                return;
            }
            pipeline.audit(outcome.user(), in, 200);
            request.toWebSocket().onFailure(e -> LOG.log(Level.FINE, "WebSocket upgrade failed", e))
                    .onSuccess(socket -> vertx.executeBlocking(() -> {
                        WatchSink sink = new WebSocketWatchSink(socket);
                        if (watch != null) {
                            watches.open(watch, sink);
                        } else {
                            WatchOpener.expire(sink, (HttpAnswer) outcome.reply());
                        }
                        return null;
                    }, false));
        });
    }

    /**
     * Runs the pipeline: the fault step on the event loop (it only matches rules), its delay on a
     * timer, then the other steps on a worker thread, since handlers wait for the store's locks. A
     * fault that drops the connection closes it without an answer.
     */
    private void run(HttpServerRequest request, Incoming in, Consumer<Outcome> done) {
        FaultDecision fault = pipeline.faults(in);
        Runnable next = () -> {
            if (fault.dropConnection()) {
                pipeline.audit(null, in, 0);
                request.connection().close();
                return;
            }
            if (fault.answer() != null) {
                done.accept(new Outcome(null, fault.answer()));
                return;
            }
            vertx.executeBlocking(() -> pipeline.checkAndHandle(in), false).onComplete(handled -> {
                if (handled.succeeded()) {
                    done.accept(handled.result());
                } else {
                    LOG.log(Level.WARNING, "request failed: " + in.path(), handled.cause());
                    done.accept(new Outcome(null, HttpAnswer.status(new ApiException(500, "InternalError",
                            "Internal error occurred", null, null, null, List.of()))));
                }
            });
        };
        long delay = fault.delay().toMillis();
        if (delay > 0) {
            vertx.setTimer(delay, id -> next.run());
        } else {
            next.run();
        }
    }

    private void reply(HttpServerResponse response, Incoming in, Outcome outcome) {
        Reply reply = outcome.reply();
        if (reply instanceof WatchReply watch) {
            pipeline.audit(outcome.user(), in, 200);
            HttpWatchSink sink = new HttpWatchSink(response);
            vertx.executeBlocking(() -> {
                watches.open(watch, sink);
                sink.opened();
                return null;
            }, false);
        } else if (reply instanceof LogFollowReply follow) {
            pipeline.audit(outcome.user(), in, 200);
            logs.start(follow, response);
        } else if (WatchOpener.isExpiredWatch(in, reply)) {
            pipeline.audit(outcome.user(), in, 200);
            WatchOpener.expire(new HttpWatchSink(response), (HttpAnswer) reply);
        } else {
            HttpAnswer answer = (HttpAnswer) reply;
            pipeline.audit(outcome.user(), in, answer.status());
            send(response, answer);
        }
    }

    private static void send(HttpServerResponse response, HttpAnswer answer) {
        try {
            response.setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
            answer.headers().forEach(response::putHeader);
            response.end(Buffer.buffer(answer.body()));
        } catch (IllegalStateException e) {
            // the client left before the answer
        }
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> all = new HashMap<>();
        request.headers().forEach(h -> all.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(h.getValue()));
        return all;
    }

    private static Future<byte[]> readBody(HttpServerRequest request) {
        Promise<byte[]> body = Promise.promise();
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d+") && Long.parseLong(length) > MAX_BODY) {
            body.fail("too large");
            return body.future();
        }
        Buffer received = Buffer.buffer();
        request.handler(chunk -> {
            if (received.length() + chunk.length() > MAX_BODY) {
                body.tryFail("too large");
            } else {
                received.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> body.tryComplete(received.getBytes()));
        request.exceptionHandler(body::tryFail);
        return body.future();
    }
}
