package io.statefulapps.embedded.apiserver;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The API server for a caller in this JVM (the simulated controllers): the same pipeline as
 * {@link HttpFront} (faults, callers and their rights, body decoding, handlers, audit), without a
 * socket, an event loop or a worker hand-off. The request runs on the caller's thread, so a write
 * costs what its handler costs; a fault's delay is waited out on a timer.
 */
public final class DirectFront {

    private final RequestPipeline pipeline;
    private final WatchOpener watches;
    private final BiConsumer<Duration, Runnable> timers;

    DirectFront(RequestPipeline pipeline, WatchOpener watches, BiConsumer<Duration, Runnable> timers) {
        this.pipeline = pipeline;
        this.watches = watches;
        this.timers = timers;
    }

    /**
     * Serves one request and tells {@code replies} the outcome, on this thread unless a fault
     * delays it.
     *
     * @param uri the raw path and query
     * @param headers every header's values, by name in any case
     */
    public void serve(String method, String uri, Map<String, List<String>> headers, byte[] body,
            DirectReplies replies) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new java.util.ArrayList<>()).addAll(values));
        Incoming in = new Incoming(method, uri, lower, body == null ? new byte[0] : body, true);
        FaultDecision fault = pipeline.faults(in);
        Runnable next = () -> afterFault(in, fault, replies);
        if (fault.delay().isZero()) {
            next.run();
        } else {
            timers.accept(fault.delay(), next);
        }
    }

    private void afterFault(Incoming in, FaultDecision fault, DirectReplies replies) {
        if (fault.dropConnection()) {
            pipeline.audit(null, in, 0);
            replies.dropped();
            return;
        }
        Outcome outcome = fault.answer() != null ? new Outcome(null, fault.answer()) : pipeline.checkAndHandle(in);
        Reply reply = outcome.reply();
        if (reply instanceof WatchReply watch) {
            pipeline.audit(outcome.user(), in, 200);
            WatchSink sink = replies.watchSink();
            watches.open(watch, sink);
            replies.watching();
        } else if (WatchOpener.isExpiredWatch(in, reply)) {
            pipeline.audit(outcome.user(), in, 200);
            WatchSink sink = replies.watchSink();
            replies.watching();
            WatchOpener.expire(sink, (HttpAnswer) reply);
        } else if (reply instanceof HttpAnswer answer) {
            pipeline.audit(outcome.user(), in, answer.status());
            replies.answer(answer.status(), answer.contentType(), answer.headers(), answer.body());
        } else {
            pipeline.audit(outcome.user(), in, 400);
            HttpAnswer refusal = HttpAnswer.status(ApiException.badRequest("followed logs are served over HTTP only"));
            replies.answer(refusal.status(), refusal.contentType(), refusal.headers(), refusal.body());
        }
    }
}
