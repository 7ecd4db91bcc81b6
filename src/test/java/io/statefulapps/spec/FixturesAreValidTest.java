package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The specs the tests render and POST are specs the service accepts: no unknown field, no broken rule. */
class FixturesAreValidTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal-appspec.json", "product-example.json", "seed-appspec.json",
            "every-field-appspec.json"})
    void fixtureBreaksNoRule(String file) throws Exception {
        ParsedSpec parsed = new SpecParser().parse(Files.readAllBytes(Path.of("src/test/resources", file)));
        assertEquals(List.of(), parsed.unknownFields());
        assertEquals(List.of(), new AppSpecValidator().validate(parsed.spec()));
    }
}
