package io.statefulapps.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.spec.AppSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Specs for tests: the four resource files, and specs written inline as JSON. */
public final class AppSpecFixtures {

    /** Every spec in src/test/resources, by file name. */
    public static final List<String> RESOURCE_SPECS = List.of(
            "minimal-appspec.json", "product-example.json", "seed-appspec.json", "every-field-appspec.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppSpecFixtures() {
    }

    public static AppSpec resource(String name) {
        try (InputStream in = AppSpecFixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return JSON.readValue(in, AppSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppSpec json(String json) {
        try {
            return JSON.readValue(json, AppSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal spec plus the given JSON members, e.g. {@code "\"replicas\": 3"}. */
    public static AppSpec minimalWith(String members) {
        return json("{\"name\": \"db\", \"image\": \"postgres:16\", \"ports\": [{\"port\": 5432}]"
                + (members.isBlank() ? "" : ", " + members) + "}");
    }
}
