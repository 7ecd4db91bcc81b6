package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Honours the API server's throttling: a request answered 429 is sent once more after the
 * {@code Retry-After} it names (capped, with jitter so that many replicas do not come back in
 * step), and never more than once; a second 429 reaches the caller as a 503 with Retry-After.
 * The client retries 5xx and broken connections on its own, with exponential back-off.
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
        return CompletableFuture.supplyAsync(() -> true, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS));
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
