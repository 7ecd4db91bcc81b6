package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.EmbeddedApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One embedded API server and one Fabric8 client per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiServerTestBase {

    protected EmbeddedApiServer api;
    protected KubernetesClient client;

    @BeforeAll
    void startServer() {
        api = EmbeddedApiServer.start(0);
        client = api.newClient();
    }

    @AfterAll
    void stopServer() {
        client.close();
        api.close();
    }

    protected HttpResponse<String> http(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static StatefulSet statefulSet(String name) {
        return new StatefulSetBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withServiceName(name + "-headless").withReplicas(2)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .endVolumeClaimTemplate()
                .endSpec().build();
    }

    static Service service(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addToSelector("app", name).addNewPort().withName("http").withPort(80).endPort().endSpec()
                .build();
    }

    static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("app", "demo").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().build();
    }

    static PersistentVolumeClaim pvc(String name, String size, String storageClass) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
                .withNewResources().addToRequests("storage", new Quantity(size)).endResources().endSpec().build();
    }
}
