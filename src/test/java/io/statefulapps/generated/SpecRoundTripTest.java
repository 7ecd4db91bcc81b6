package io.statefulapps.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.render.TrioReader;
import io.statefulapps.render.TrioRenderer;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.AppSpecValidator;
import io.statefulapps.spec.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the service: what a PATCH starts from must be valid. A valid spec stays valid once its
 * defaults are filled in, and reads back from the objects it renders to as that same spec.
 */
class SpecRoundTripTest {

    private final SpecParser parser = new SpecParser();
    private final AppSpecValidator validator = new AppSpecValidator();
    private final TrioRenderer renderer = new TrioRenderer();
    private final TrioReader reader = new TrioReader();

    @Test
    void aValidSpecStaysValidWithItsDefaultsAndReadsBackAsItself() {
        long seed = SeededSamples.seed();
        List<String> broken = new ArrayList<>();
        for (ObjectNode json : SeededSamples.draw(ValidSpecs.specs(), seed, 1000)) {
            AppSpec defaulted = AppSpecDefaults.apply(parser.parse(json.toString().getBytes(StandardCharsets.UTF_8)).spec());
            var errors = validator.validate(defaulted);
            if (!errors.isEmpty()) {
                broken.add("defaults break " + errors + " in " + json);
                continue;
            }
            AppSpec readBack = reader.read(renderer.render("ns", defaulted));
            if (!readBack.equals(defaulted)) {
                broken.add("reads back as " + parser.toTree(readBack) + "\n   defaulted " + parser.toTree(defaulted));
            }
        }
        assertEquals(List.of(), broken.stream().limit(5).toList(), broken.size() + " of 1000 (seed " + seed + ")");
    }
}
