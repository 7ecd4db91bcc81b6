package io.statefulapps.rehearsal;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the rehearsals set up alike: a directory of their own under {@code target/rehearsal}, the
 * packaged service as the embedded cluster's process and as replicas in external mode against it,
 * and requests to the replicas' apps API.
 */
final class RehearsalSetup {

    private RehearsalSetup() {
    }

    static Path directory(String rehearsal) throws IOException {
        return Files.createDirectories(Path.of("target/rehearsal", rehearsal));
    }

    /**
     * The service in embedded mode on a free port, ready, having written its admin kubeconfig to
     * {@code kubeconfig} (an older file there is removed first); {@code env} adds to its settings.
     */
    static ServiceProcess startEmbeddedCluster(String name, Path dir, Path kubeconfig, Map<String, String> env)
            throws Exception {
        Files.deleteIfExists(kubeconfig);
        Map<String, String> all = new HashMap<>(env);
        all.put("STATEFUL_APPS_CLUSTER", "embedded");
        all.put("STATEFUL_APPS_EMBEDDED_PORT", Integer.toString(ServiceProcess.freePort()));
        all.put("STATEFUL_APPS_EMBEDDED_KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        return ServiceProcess.start(name, dir, all);
    }

    /** A replica in external mode against the cluster {@code kubeconfig} names, ready; {@code env} adds to its settings. */
    static ServiceProcess startReplica(String name, Path dir, Path kubeconfig, Map<String, String> env)
            throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("STATEFUL_APPS_CLUSTER", "external");
        all.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        return ServiceProcess.start(name, dir, all);
    }

    /** Closes, in order, each of {@code started} that was started (null when its start failed or never came). */
    static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable one : started) {
            if (one != null) {
                one.close();
            }
        }
    }

    /** A request with a caller's bearer token. */
    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The apps collection of {@code namespace} on a replica. */
    static String apps(ServiceProcess replica, String namespace) {
        return replica.url() + "/api/v1/namespaces/" + namespace + "/apps";
    }
}
