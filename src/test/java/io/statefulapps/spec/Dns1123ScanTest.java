package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written DNS-1123 scans agree with apimachinery's expressions (validation.go) on strings
 * drawn mostly from the characters the rules are about, at and past the length limits.
 */
class Dns1123ScanTest {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern LABEL_RE = Pattern.compile(LABEL);
    private static final Pattern SUBDOMAIN_RE = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

    @Property(tries = 5000)
    void aLabelIsWhatTheExpressionSaysUpTo63Characters(@ForAll("names") String value) {
        boolean expected = value.length() <= 63 && LABEL_RE.matcher(value).matches();
        assertEquals(expected, KubernetesNames.isDns1123Label(value), value);
        assertEquals(expected, KubernetesNames.dns1123Label(value).isEmpty(), value);
    }

    @Property(tries = 5000)
    void aSubdomainIsWhatTheExpressionSaysUpTo253Characters(@ForAll("names") String value) {
        boolean expected = value.length() <= 253 && SUBDOMAIN_RE.matcher(value).matches();
        assertEquals(expected, KubernetesNames.isDns1123Subdomain(value), value);
        assertEquals(expected, KubernetesNames.dns1123Subdomain(value).isEmpty(), value);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> short_ = Arbitraries.strings().withChars("ab09-.").ofMinLength(0).ofMaxLength(8);
        Arbitrary<String> mixed = Arbitraries.strings().withChars("abz019-._A/%é ").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> nearLabelLimit = Arbitraries.strings().withChars("a0-").ofMinLength(60).ofMaxLength(66);
        Arbitrary<String> nearSubdomainLimit = Arbitraries.strings().withChars("a0-.").ofMinLength(248).ofMaxLength(258);
        return Arbitraries.oneOf(short_, mixed, nearLabelLimit, nearSubdomainLimit);
    }
}
