package io.statefulapps.generated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Draws samples from jqwik arbitraries outside jqwik's own engine (a {@code @QuarkusTest} cannot be a
 * {@code @Property}), reproducibly: jqwik's sampling reads its random source from the current thread,
 * which {@link SourceOfRandomness#create(String)} seeds. The seed is {@code -Dgenerated.seed=…} or a
 * fixed default, so a failure seen once is seen again.
 */
final class SeededSamples {

    static final long DEFAULT_SEED = 20240614L;

    private SeededSamples() {
    }

    /** The seed of this run: the system property {@code generated.seed}, or the fixed default. */
    static long seed() {
        String given = System.getProperty("generated.seed");
        return given == null || given.isBlank() ? DEFAULT_SEED : Long.parseLong(given.trim());
    }

    /** {@code count} samples of {@code arbitrary}, the same ones for the same seed. */
    static <T> List<T> draw(Arbitrary<T> arbitrary, long seed, int count) {
        SourceOfRandomness.create(Long.toString(seed));
        return arbitrary.sampleStream().limit(count).toList();
    }

    /**
     * {@code count} samples of each arbitrary, shuffled together by the seed: exact shares (jqwik's
     * weighted choices lean towards edge cases), in an order that mixes the kinds.
     */
    static <T> List<T> mix(long seed, Map<Arbitrary<? extends T>, Integer> counts) {
        List<T> all = new ArrayList<>();
        long part = seed;
        for (Map.Entry<Arbitrary<? extends T>, Integer> entry : counts.entrySet()) {
            all.addAll(draw(entry.getKey(), part++, entry.getValue()));
        }
        Collections.shuffle(all, new Random(seed));
        return all;
    }
}
