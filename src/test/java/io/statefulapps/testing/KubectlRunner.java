package io.statefulapps.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl binary against a kubeconfig, as a newcomer would. Tests that use it are
 * skipped (not failed) where kubectl is not installed.
 */
public final class KubectlRunner {

    public record Result(int code, String out) {
    }

    private final Path kubectl;
    private final Path kubeconfig;
    private final Path cacheDir;

    public KubectlRunner(Path kubeconfig, Path cacheDir) {
        this.kubectl = find();
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    private static Path find() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public Result run(String... args) throws Exception {
        assumeTrue(kubectl != null, "kubectl is not on the PATH");
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", cacheDir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl timed out: " + cmd);
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
