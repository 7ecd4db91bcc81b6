package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Honours the API server's throttling. The client retries a 429 once on its own (the request retry
 * back-off limit), but after its back-off interval (0.2 s), not after the {@code Retry-After} the
 * server named; this interceptor holds the answer back for that long first (capped, with jitter so
 * that many replicas do not come back in step) and leaves the retry to the client, so a throttled
 * request is sent twice at most, the second time once the server said it may be. A second 429
 * reaches the caller as a 503 with the server's Retry-After.
 */
public final class ThrottleRetry implements Interceptor {

    static final long DEFAULT_WAIT_MILLIS = 1_000;
    static final long MAX_WAIT_MILLIS = 5_000;

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        if (response.code() != 429) {
            return CompletableFuture.completedFuture(false);
        }
        long wait = jittered(waitMillis(response.header("Retry-After")));
        // false: no retry of its own (the client makes the one retry), only the wait before it
        return CompletableFuture.supplyAsync(() -> false, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS));
    }

    /** The Retry-After in seconds, capped; the default when absent or not a number of seconds. */
    static long waitMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return DEFAULT_WAIT_MILLIS;
        }
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return Math.max(0, Math.min(MAX_WAIT_MILLIS, seconds * 1000));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT_MILLIS;
        }
    }

    /** Between 80 % and 120 % of the wait. */
    static long jittered(long millis) {
        return (long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }
}
