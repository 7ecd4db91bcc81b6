package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Counts every request this service sends to the Kubernetes API, by verb, resource and the code
 * of the answer, as {@code stateful_apps_kubernetes_api_requests_total}. It is how we prove that reads are served
 * from the watch cache and cost the API server nothing.
 */
@ApplicationScoped
public class ApiRequestMetrics implements Interceptor {

    public static final String METER = "stateful.apps.kubernetes.api.requests";

    private final MeterRegistry registry;

    public ApiRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        count(request, String.valueOf(response.code()));
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        count(request, "none");
    }

    /** @param code the HTTP status of the answer, {@code none} when no answer came */
    private void count(HttpRequest request, String code) {
        ApiRequestClassifier.Classified c = ApiRequestClassifier.classify(request.method(), request.uri());
        Counter.builder(METER)
                .description("Requests sent to the Kubernetes API by this service, by verb, resource and answer")
                .tag("verb", c.verb())
                .tag("resource", c.resource())
                .tag("code", code)
                .register(registry)
                .increment();
    }

    /** The total so far, for tests and the benchmark. */
    public double total() {
        return registry.find(METER).counters().stream().mapToDouble(Counter::count).sum();
    }
}
