package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An environment variable with an empty value: accepted as {@code "value": ""} and kept valid once
 * the defaults turn it into no value, which is also how Kubernetes hands it back (found by the
 * generated PATCH inputs: every later PATCH of such an app was refused).
 */
class EmptyEnvValueTest {

    private final AppSpecValidator validator = new AppSpecValidator();

    private static AppSpec withEnv(EnvVarSpec env) {
        return AppSpecBuilder.builder().name("web").image("nginx").ports(List.of(new PortSpec(null, 80, null, null)))
                .env(List.of(env)).build();
    }

    @Test
    void anEmptyValueStaysValidOnceTheDefaultsDropIt() {
        AppSpec sent = withEnv(new EnvVarSpec("EMPTY", "", null));
        assertEquals(List.of(), validator.validate(sent));
        AppSpec defaulted = AppSpecDefaults.apply(sent);
        assertNull(defaulted.env().get(0).value());
        assertEquals(List.of(), validator.validate(defaulted));
    }

    @Test
    void aNameAloneIsTheEmptyValue() {
        assertEquals(List.of(), validator.validate(withEnv(new EnvVarSpec("ONLY_NAME", null, null))));
    }
}
