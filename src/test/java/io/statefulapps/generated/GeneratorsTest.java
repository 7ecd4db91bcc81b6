package io.statefulapps.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.spec.AppSpecValidator;
import io.statefulapps.spec.MalformedSpecException;
import io.statefulapps.spec.ParsedSpec;
import io.statefulapps.spec.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generators themselves, without the service: a "valid" spec breaks no rule and a "nearly valid"
 * one breaks at least one, so that the properties on the service test what they claim to, and the
 * same seed draws the same inputs.
 */
class GeneratorsTest {

    private final SpecParser parser = new SpecParser();
    private final AppSpecValidator validator = new AppSpecValidator();

    @Test
    void validSpecsBreakNoRule() {
        List<String> refused = new ArrayList<>();
        for (ObjectNode spec : SeededSamples.draw(ValidSpecs.specs(), 7, 500)) {
            ParsedSpec parsed = parser.parse(spec.toString().getBytes(StandardCharsets.UTF_8));
            var errors = new ArrayList<>(parsed.unknownFields());
            errors.addAll(validator.validate(parsed.spec()));
            if (!errors.isEmpty()) {
                refused.add(errors + " in " + spec);
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void nearlyValidSpecsBreakARule() {
        List<String> accepted = new ArrayList<>();
        for (SpecBreakages.Broken broken : SeededSamples.draw(SpecBreakages.brokenSpecs(), 7, 500)) {
            try {
                ParsedSpec parsed = parser.parse(broken.spec().toString().getBytes(StandardCharsets.UTF_8));
                if (parsed.unknownFields().isEmpty() && validator.validate(parsed.spec()).isEmpty()) {
                    accepted.add(broken.rule() + ": " + broken.spec());
                }
            } catch (MalformedSpecException e) {
                assertFalse(broken.expected().contains(422) && !broken.expected().contains(400),
                        broken.rule() + " was malformed, not refused: " + e.getMessage());
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        var first = CreateRequests.draw("ns", 42, 150).stream().map(Exchange.Request::describe).toList();
        var second = CreateRequests.draw("ns", 42, 150).stream().map(Exchange.Request::describe).toList();
        assertEquals(first, second);
    }
}
