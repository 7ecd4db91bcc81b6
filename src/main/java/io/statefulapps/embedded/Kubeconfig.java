package io.statefulapps.embedded;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The kubeconfig text for the embedded server: one cluster, user and context; the server's
 * certificate as the cluster's certificate authority when it serves HTTPS.
 */
final class Kubeconfig {

    static final String NAME = "stateful-apps-embedded";

    private Kubeconfig() {
    }

    /**
     * @param token the user's bearer token (kubectl sends it only over HTTPS)
     * @param certificateAuthorityData the base64 PEM to trust, or null for plain HTTP
     */
    static String render(URI server, String token, String certificateAuthorityData) {
        List<String> lines = new ArrayList<>(List.of(
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: " + NAME,
                "  cluster:",
                "    server: " + server));
        if (certificateAuthorityData != null) {
            lines.add("    certificate-authority-data: " + certificateAuthorityData);
        }
        lines.addAll(List.of(
                "users:",
                "- name: " + NAME,
                "  user:",
                "    token: " + token,
                "contexts:",
                "- name: " + NAME,
                "  context:",
                "    cluster: " + NAME,
                "    user: " + NAME,
                "    namespace: default",
                "current-context: " + NAME,
                "preferences: {}",
                ""));
        return String.join("\n", lines);
    }
}
