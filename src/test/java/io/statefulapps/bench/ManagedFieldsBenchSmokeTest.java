package io.statefulapps.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/ManagedFieldsBench.java} still compiles against the service's classes and runs: a
 * page of 50 pods, one round. Its figures are not checked (a benchmark's, not a test's).
 */
class ManagedFieldsBenchSmokeTest {

    @Test
    void compilesAndPrintsItsThreeReadings() throws Exception {
        Path classes = Files.createDirectories(Path.of("target/bench/managed-fields-classes"));
        String classPath = System.getProperty("java.class.path");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", classes.toString(),
                "-cp", classPath, "bench/ManagedFieldsBench.java");
        assertEquals(0, compiled, () -> errors.toString(StandardCharsets.UTF_8));

        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath, "ManagedFieldsBench", "50", "1", "1")
                .redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "still running: " + printed);
        assertEquals(0, run.exitValue(), printed);

        List<String> lines = printed.lines().toList();
        assertEquals(4, lines.size(), printed);
        assertTrue(lines.get(0).startsWith("one page of 50 pods"), printed);
        assertTrue(lines.get(1).startsWith("managedFields read"), printed);
        assertTrue(lines.get(2).startsWith("managedFields skipped"), printed);
        assertTrue(lines.get(3).startsWith("none sent (embedded cluster)"), printed);
    }
}
