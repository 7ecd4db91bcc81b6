package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test data: every object of two apps as the embedded cluster served them (app-00000, healthy;
 * app-00009, whose image cannot be pulled), with their volumes, slices, Warning events, the nodes
 * and the StorageClass: fields a real API server fills in, not only those a builder would set.
 */
public final class EmbeddedClusterObjects {

    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    public static final String RESOURCE = "/compaction/embedded-cluster-objects.json";

    private EmbeddedClusterObjects() {
    }

    /** Fresh instances at each call, as an informer would deliver them. */
    public static List<HasMetadata> all() {
        return SERIALIZATION.unmarshal(json(), KubernetesList.class).getItems();
    }

    /** The resource as text, for tests that derive more apps from it. */
    public static String json() {
        try (InputStream in = EmbeddedClusterObjects.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
