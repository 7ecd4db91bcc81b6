package io.statefulapps.health;

/** Builds the exact commands the hints tell a person to run, always with the namespace. */
record Kubectl(String namespace) {

    String describe(String kind, String name) {
        return "kubectl -n " + namespace + " describe " + kind + " " + name;
    }

    /** Every object of a kind in the namespace. */
    String describeAll(String kind) {
        return "kubectl -n " + namespace + " describe " + kind;
    }

    String logs(String pod, String container, boolean previous) {
        return "kubectl -n " + namespace + " logs " + pod + (container == null ? "" : " -c " + container)
                + (previous ? " --previous" : "");
    }

    String get(String kindAndArgs) {
        return "kubectl -n " + namespace + " get " + kindAndArgs;
    }

    static String clusterGet(String kindAndArgs) {
        return "kubectl get " + kindAndArgs;
    }
}
