package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ServiceAccounts are objects; a pod must name one that exists, as the admission plugin insists. */
class ServiceAccountAdmissionTest extends ApiServerTestBase {

    @Test
    void aNewNamespaceHasItsDefaultServiceAccountAtOnce() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("fresh").endMetadata().build())
                .create();
        assertNotNull(client.serviceAccounts().inNamespace("fresh").withName("default").get());
        Pod created = client.pods().inNamespace("fresh").resource(pod("first")).create();
        assertEquals("default", created.getSpec().getServiceAccountName());
    }

    @Test
    void aPodOfAServiceAccountThatDoesNotExistIsForbidden() {
        Pod ghostly = new PodBuilder(pod("ghostly")).editSpec().withServiceAccountName("ghost").endSpec().build();
        KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                () -> client.pods().resource(ghostly).create());
        assertEquals(403, refused.getCode());
        assertEquals("pods \"ghostly\" is forbidden: error looking up service account default/ghost: serviceaccount"
                + " \"ghost\" not found", refused.getStatus().getMessage());
        assertNull(client.pods().withName("ghostly").get());
    }
}
