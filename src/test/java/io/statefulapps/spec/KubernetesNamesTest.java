package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesNamesTest {

    static Stream<Arguments> names() {
        Function<String, List<String>> label = KubernetesNames::dns1123Label;
        Function<String, List<String>> subdomain = KubernetesNames::dns1123Subdomain;
        Function<String, List<String>> dns1035 = KubernetesNames::dns1035Label;
        Function<String, List<String>> qualified = KubernetesNames::qualifiedName;
        Function<String, List<String>> labelValue = KubernetesNames::labelValue;
        Function<String, List<String>> iana = KubernetesNames::ianaServiceName;
        Function<String, List<String>> env = KubernetesNames::envVarName;
        return Stream.of(
                Arguments.of("label", label, "eureka", true),
                Arguments.of("label", label, "123-abc", true),
                Arguments.of("label", label, "a".repeat(63), true),
                Arguments.of("label", label, "a".repeat(64), false),
                Arguments.of("label", label, "Eureka", false),
                Arguments.of("label", label, "-a", false),
                Arguments.of("label", label, "a-", false),
                Arguments.of("label", label, "a.b", false),
                Arguments.of("label", label, "", false),
                Arguments.of("subdomain", subdomain, "example.com", true),
                Arguments.of("subdomain", subdomain, "a..b", false),
                Arguments.of("subdomain", subdomain, "a_b", false),
                Arguments.of("subdomain", subdomain, ("a".repeat(63) + ".").repeat(4) + "a", false),
                Arguments.of("dns1035", dns1035, "eureka-headless", true),
                Arguments.of("dns1035", dns1035, "1eureka", false),
                Arguments.of("dns1035", dns1035, "a".repeat(64), false),
                Arguments.of("qualified", qualified, "app.kubernetes.io/name", true),
                Arguments.of("qualified", qualified, "My_Key.1", true),
                Arguments.of("qualified", qualified, "foo bar", false),
                Arguments.of("qualified", qualified, "/name", false),
                Arguments.of("qualified", qualified, "example.com/", false),
                Arguments.of("qualified", qualified, "Example.com/name", false),
                Arguments.of("qualified", qualified, "_x", false),
                Arguments.of("qualified", qualified, "a".repeat(64), false),
                Arguments.of("labelValue", labelValue, "", true),
                Arguments.of("labelValue", labelValue, "k8s-playground", true),
                Arguments.of("labelValue", labelValue, "a b", false),
                Arguments.of("labelValue", labelValue, "v".repeat(64), false),
                Arguments.of("iana", iana, "http", true),
                Arguments.of("iana", iana, "h2c-1", true),
                Arguments.of("iana", iana, "8080", false),
                Arguments.of("iana", iana, "a--b", false),
                Arguments.of("iana", iana, "-http", false),
                Arguments.of("iana", iana, "http_alt", false),
                Arguments.of("iana", iana, "a-very-long-name", false),
                Arguments.of("env", env, "JAVA_OPTS", true),
                Arguments.of("env", env, "my.setting-1", true),
                Arguments.of("env", env, "1X", false),
                Arguments.of("env", env, "A=B", false),
                Arguments.of("env", env, "", false));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("names")
    void checksNames(String rule, Function<String, List<String>> check, String value, boolean valid) {
        List<String> problems = check.apply(value);
        assertEquals(valid, problems.isEmpty(), () -> rule + " '" + value + "': " + problems);
    }

    @Test
    void answersYesOrNo() {
        assertTrue(KubernetesNames.isDns1123Label("pg-allen-ali"));
        assertFalse(KubernetesNames.isDns1123Label("PG"));
        assertFalse(KubernetesNames.isDns1123Label(null));
        assertTrue(KubernetesNames.isDns1123Subdomain("alicloud-nas"));
        assertFalse(KubernetesNames.isDns1035Label("1a"));
        assertTrue(KubernetesNames.isQualifiedName("service.beta.kubernetes.io/alicloud-loadbalancer-address-type"));
        assertTrue(KubernetesNames.isLabelValue(""));
        assertFalse(KubernetesNames.isIanaServiceName("8761"));
    }
}
