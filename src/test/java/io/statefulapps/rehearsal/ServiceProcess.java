package io.statefulapps.rehearsal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, the
 * way a platform runs it: configured only by environment variables, logging to a file, ready when
 * {@code /q/health/ready} answers 200.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with {@code env} on a free HTTP port and waits until it is ready. */
    static ServiceProcess start(String name, Path workDir, Map<String, String> env) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the rehearsal runs after `package`");
        }
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess started = new ServiceProcess(name, builder.start(), port, log);
        started.awaitReady();
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + "s:\n" + tail(),
                    e);
        }
    }

    /** Ends the process at once (SIGKILL), as a node or the OOM killer would: nothing is cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** The last lines of the process' log, for a failure message. */
    String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
