package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The label scans agree with apimachinery's expressions, which the messages quote. */
class LabelRulesTest {

    private static final Pattern NAME = Pattern.compile(LabelRules.LABEL_NAME);
    private static final Pattern VALUE = Pattern.compile(LabelRules.LABEL_VALUE);

    @Property(tries = 5000)
    void aValueIsWhatTheExpressionSaysUpTo63Characters(@ForAll("labels") String value) {
        boolean expected = value.length() <= 63 && VALUE.matcher(value).matches();
        assertEquals(expected, LabelRules.valueProblem(value) == null, value);
    }

    @Property(tries = 5000)
    void anUnprefixedKeyIsWhatTheExpressionSaysUpTo63Characters(@ForAll("labels") String key) {
        String name = key.replace("/", "");
        boolean expected = name.length() <= 63 && NAME.matcher(name).matches();
        assertEquals(expected, LabelRules.keyProblem(name) == null, name);
    }

    @Property(tries = 2000)
    void aPrefixedKeyChecksItsNamePartTheSameWay(@ForAll("labels") String name) {
        String part = name.replace("/", "");
        boolean expected = part.length() <= 63 && NAME.matcher(part).matches();
        assertEquals(expected, LabelRules.keyProblem("example.com/" + part) == null, part);
    }

    @Provide
    Arbitrary<String> labels() {
        Arbitrary<String> short_ = Arbitraries.strings().withChars("aZ09-_.").ofMinLength(0).ofMaxLength(8);
        Arbitrary<String> mixed = Arbitraries.strings().withChars("abzAZ019-._/%é ").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> nearLimit = Arbitraries.strings().withChars("a0-_.").ofMinLength(60).ofMaxLength(66);
        return Arbitraries.oneOf(short_, mixed, nearLimit);
    }
}
