package io.statefulapps.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapper;
import io.quarkus.kubernetes.client.KubernetesResources;
import io.statefulapps.cluster.ApiRequestMetrics;
import io.statefulapps.cluster.ThrottleRetry;
import io.statefulapps.kubernetes.JsonFirstSerialization;
import io.statefulapps.kubernetes.PodFieldsSkipped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's one Kubernetes client. It replaces the extension's default client to count every
 * API request (see {@link ApiRequestMetrics}) and to run the watches' work where it arrives (below);
 * configuration still comes from the extension's {@link Config} (the {@code quarkus.kubernetes-client.*}
 * settings and {@link ClusterTargetCustomizer}).
 *
 * <p>Fabric8 hands every watch event, and every object of a list, to its task executor (a thread
 * pool) one task at a time, even for an informer without event handlers: with 10,000 apps a replica
 * starting made ~170,000 thread hand-offs, and a second or two of CPU, for nothing. The client is
 * used only for requests and the watch cache's informers, whose work is parsing and storing an
 * object and routing it to its app (no blocking call: see {@code AppChangeRouter}), so that work
 * runs on the thread that received it.
 *
 * <p>Its serialization is Fabric8's, configured as the extension configures it, but reading JSON
 * without Fabric8's detour (see {@link JsonFirstSerialization}): every watch event goes through it;
 * and reading pods without what the watch cache lets go of ({@link PodFieldsSkipped}): a pod read
 * through this client has no environment, mounts, annotations or owner references (read one as a
 * {@code GenericKubernetesResource} to see it whole).
 */
@Singleton
public class KubernetesClientProducer {

    @Produces
    @Singleton
    KubernetesSerialization kubernetesSerialization(@KubernetesClientObjectMapper ObjectMapper mapper,
            @SuppressWarnings("rawtypes") @KubernetesResources Class[] resources) {
        // what the extension's own producer does: the resources it found at build time (native images too)
        KubernetesSerialization serialization = new JsonFirstSerialization(mapper, false);
        for (Class<?> resource : resources) {
            serialization.registerKubernetesResource(resource.asSubclass(KubernetesResource.class));
        }
        PodFieldsSkipped.register(mapper);
        return serialization;
    }

    @Produces
    @Singleton
    KubernetesClient kubernetesClient(Config config, KubernetesSerialization serialization, ApiRequestMetrics metrics) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withKubernetesSerialization(serialization)
                .withTaskExecutor(Runnable::run)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("request-metrics", metrics)
                        .addOrReplaceInterceptor("throttle-retry", new ThrottleRetry()))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
