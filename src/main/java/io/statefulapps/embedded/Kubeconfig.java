package io.statefulapps.embedded;

import java.net.URI;

/** The kubeconfig text for the embedded server: one cluster, user and context, plain HTTP. */
final class Kubeconfig {

    static final String NAME = "stateful-apps-embedded";

    private Kubeconfig() {
    }

    static String render(URI server) {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: " + NAME,
                "  cluster:",
                "    server: " + server,
                "users:",
                "- name: " + NAME,
                "  user:",
                "    token: embedded",
                "contexts:",
                "- name: " + NAME,
                "  context:",
                "    cluster: " + NAME,
                "    user: " + NAME,
                "    namespace: default",
                "current-context: " + NAME,
                "preferences: {}",
                "");
    }
}
