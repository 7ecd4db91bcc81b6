package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures the service as the JVM image starts it: every JVM option the image adds
 * (Dockerfile.jvm's {@code JAVA_OPTS_APPEND}) is among bench/run.sh's default options, so a tuning
 * of the image is what the benchmark's figures show.
 */
class BenchImageOptionsTest {

    private static final Pattern IMAGE_OPTIONS = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"");
    private static final Pattern BENCH_OPTIONS = Pattern.compile("JAVA_OPTS=\\$\\{BENCH_JAVA_OPTS-([^}]*)}");

    @Test
    void theBenchmarkStartsTheServiceWithEveryJvmOptionOfTheImage() throws IOException {
        List<String> image = jvmOptions(IMAGE_OPTIONS, Path.of("src/main/docker/Dockerfile.jvm"));
        List<String> bench = jvmOptions(BENCH_OPTIONS, Path.of("bench/run.sh"));
        assertFalse(image.isEmpty(), "Dockerfile.jvm adds JVM options");
        for (String option : image) {
            assertTrue(bench.contains(option), option + " of Dockerfile.jvm is missing from bench/run.sh's " + bench);
        }
    }

    /** The {@code -XX:} options of the first match's group; system properties are the image's own business. */
    private static List<String> jvmOptions(Pattern pattern, Path file) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(file));
        assertTrue(matcher.find(), file + " has no " + pattern.pattern());
        return Arrays.stream(matcher.group(1).trim().split("\\s+")).filter(option -> option.startsWith("-XX:")).toList();
    }
}
