package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OneLineTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(null, 10, ""),
                Arguments.of("", 10, ""),
                Arguments.of(" \t\r\n ", 10, ""),
                Arguments.of("plain", 10, "plain"),
                Arguments.of("  two\n\nlines\t ", 20, "two lines"),
                Arguments.of("a \u000B\f b", 10, "a b"),
                Arguments.of("exactly10!", 10, "exactly10!"),
                Arguments.of("exactly10!   \n", 10, "exactly10!"),
                Arguments.of("exactly10! and more", 10, "exactly10\u2026"),
                Arguments.of("eleven chars", 10, "eleven ch\u2026"),
                Arguments.of("x".repeat(1000), 5, "xxxx\u2026"),
                Arguments.of("non\u00A0breaking stays", 30, "non\u00A0breaking stays"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void flattensAndShortens(String text, int max, String expected) {
        assertEquals(expected, OneLine.of(text, max));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameAsCollapsingWithARegularExpression(String text, int max, String ignored) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        String expected = flat.length() > max ? flat.substring(0, max - 1) + "\u2026" : flat;
        assertEquals(expected, OneLine.of(text, max));
    }
}
