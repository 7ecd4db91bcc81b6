package io.statefulapps.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The kustomizations a platform engineer applies, as the tests render them. */
final class Kustomizations {

    static final String BASE = "deploy";
    static final String NATIVE = "deploy/overlays/native";
    static final String SINGLE_NAMESPACE = "deploy/overlays/single-namespace";
    static final String MONITORING = "deploy/overlays/monitoring";
    /** An overlay of a user's own: another namespace, a name prefix and every component at once. */
    static final String COMBINED = "target/kustomize-combined";
    static final String COMBINED_NAMESPACE = "shop";
    static final String COMBINED_PREFIX = "shop-";

    private Kustomizations() {
    }

    static List<String> all() {
        writeCombined();
        return List.of(BASE, NATIVE, SINGLE_NAMESPACE, MONITORING, COMBINED);
    }

    static void writeCombined() {
        try {
            Files.createDirectories(Path.of(COMBINED));
            Files.writeString(Path.of(COMBINED, "kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: %s
                    namePrefix: %s
                    resources:
                      - ../../deploy/base
                    components:
                      - ../../deploy/components/native
                      - ../../deploy/components/single-namespace
                      - ../../deploy/components/monitoring
                    """.formatted(COMBINED_NAMESPACE, COMBINED_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
