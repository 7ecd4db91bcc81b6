package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2ln|eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2ln",
            "bearer abc|abc",
            "BEARER abc|abc",
            "Bearer   abc   |abc",
            "Bearer user:jane:readonly|user:jane:readonly",
            "Bearer abc==|abc=="})
    void readsTheToken(String header, String token) {
        assertEquals(Optional.of(token), BearerToken.from(List.of(header)));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer  ", "Basic amFuZTpzZWNyZXQ=", "Token abc", "abc",
            "Bearerabc", "Bearer a b", "Bearer a\tb", "Bearer a\u0000b", "Bearer caf\u00e9"})
    void garbledHeadersCarryNoToken(String header) {
        assertEquals(Optional.empty(), BearerToken.from(List.of(header)));
    }

    @Test
    void noHeaderOrTwoHeadersCarryNoToken() {
        assertEquals(Optional.empty(), BearerToken.from(null));
        assertEquals(Optional.empty(), BearerToken.from(List.of()));
        assertEquals(Optional.empty(), BearerToken.from(List.of("Bearer a", "Bearer b")));
        assertEquals(Optional.empty(), BearerToken.from(Arrays.asList((String) null)));
    }
}
