package io.statefulapps.config;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.cluster.ApiRequestMetrics;
import io.statefulapps.cluster.ThrottleRetry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's one Kubernetes client. It replaces the extension's default client only to count
 * every API request (see {@link ApiRequestMetrics}); configuration still comes from the extension's
 * {@link Config} (the {@code quarkus.kubernetes-client.*} settings and {@link ClusterTargetCustomizer}).
 */
@Singleton
public class KubernetesClientProducer {

    @Produces
    @Singleton
    KubernetesClient kubernetesClient(Config config, KubernetesSerialization serialization, ApiRequestMetrics metrics) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withKubernetesSerialization(serialization)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("request-metrics", metrics)
                        .addOrReplaceInterceptor("throttle-retry", new ThrottleRetry()))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
