package io.statefulapps.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import io.statefulapps.kubernetes.ManagedFieldsSkipped;
import jakarta.inject.Singleton;

/**
 * How the service's Kubernetes client reads JSON, set on the extension's mapper before anything
 * uses it (see {@link KubernetesClientProducer} for the serialization built on it).
 */
@Singleton
public class ClientObjectMapperCustomizer implements KubernetesClientObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ManagedFieldsSkipped.register(mapper);
    }
}
