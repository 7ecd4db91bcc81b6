package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every request this service sends to the Kubernetes API, by verb and resource, as
 * {@code stateful_apps_kubernetes_api_requests_total}. It is how we prove that reads are served
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
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        ApiRequestClassifier.Classified c = ApiRequestClassifier.classify(request.method(), request.uri());
        Counter.builder(METER)
                .description("Requests sent to the Kubernetes API by this service")
                .tag("verb", c.verb())
                .tag("resource", c.resource())
                .register(registry)
                .increment();
    }

    /** The total so far, for tests and the benchmark. */
    public double total() {
        return registry.find(METER).counters().stream().mapToDouble(Counter::count).sum();
    }
}
