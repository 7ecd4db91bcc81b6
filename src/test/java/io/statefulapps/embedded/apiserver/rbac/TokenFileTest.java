package io.statefulapps.embedded.apiserver.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token file read as kube-apiserver reads {@code --token-auth-file} (Go's encoding/csv). */
class TokenFileTest {

    private static RbacUser user(TokenFile file, String token) {
        return file.user(token).orElseThrow(() -> new AssertionError("no user for " + token));
    }

    @Test
    void readsTokenUserUidAndQuotedGroups() {
        TokenFile file = TokenFile.parse("""
                t-alice,alice,uid-1,"devs,ops"
                t-bob,bob,uid-2
                t-carol,carol,uid-3,auditors
                """, "tokens.csv");
        assertEquals(3, file.size());
        assertEquals(new RbacUser("alice", "uid-1", List.of("devs", "ops", "system:authenticated"), Map.of()),
                user(file, "t-alice"));
        assertEquals(List.of("system:authenticated"), user(file, "t-bob").groups());
        assertEquals(List.of("auditors", "system:authenticated"), user(file, "t-carol").groups());
        assertTrue(file.user("t-dave").isEmpty());
        assertEquals(List.of(), file.warnings());
    }

    @Test
    void skipsEmptyLinesAcceptsCrLfAndAMissingLastNewline() {
        TokenFile file = TokenFile.parse("\n\r\nt1,u1,1\r\n\r\n\nt2,u2,2", "f");
        assertEquals("u1", user(file, "t1").name());
        assertEquals("u2", user(file, "t2").name());
    }

    @Test
    void keepsSpacesAndIgnoresColumnsAfterTheFourth() {
        TokenFile file = TokenFile.parse("t1, u1 ,1,g1,extra,more\n", "f");
        assertEquals(" u1 ", user(file, "t1").name());
        assertEquals(List.of("g1", "system:authenticated"), user(file, "t1").groups());
        assertTrue(file.user("t1 ").isEmpty());
    }

    @Test
    void anEmptyGroupsColumnIsTheGroupNamedEmptyLikeGoStringsSplit() {
        assertEquals(List.of("", "system:authenticated"), user(TokenFile.parse("t,u,1,\n", "f"), "t").groups());
    }

    @Test
    void quotedFieldsMayHoldQuotesCommasAndNewlines() {
        TokenFile file = TokenFile.parse("\"to,\"\"ken\",\"multi\nline\",1\n", "f");
        assertEquals("multi\nline", user(file, "to,\"ken").name());
    }

    @Test
    void aRepeatedTokenReplacesTheEarlierOneWithAWarning() {
        TokenFile file = TokenFile.parse("t,first,1\nt,second,2\n", "tokens.csv");
        assertEquals("second", user(file, "t").name());
        assertEquals(List.of("duplicate token has been found in token file 'tokens.csv', record number '2'"),
                file.warnings());
    }

    @Test
    void anEmptyTokenIsSkippedWithAWarning() {
        TokenFile file = TokenFile.parse(",nobody,0\nt,u,1\n", "tokens.csv");
        assertEquals(1, file.size());
        assertEquals(List.of("empty token has been found in token file 'tokens.csv', record number '1'"),
                file.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two columns      | t,u1,1\\nt2,u2\\n        | 2 | token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), found 2 on line 2",
        "a comment line   | # tokens\\nt,u,1\\n     | 1 | token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), found 1 on line 1",
        "a bare quote     | t,u\"x,1\\n              | 1 | token file 'tokens.csv': parse error on line 1, column 4: bare \" in non-quoted-field",
        "text after quote | t,\"u\"x,1\\n             | 1 | token file 'tokens.csv': parse error on line 1, column 6: extraneous or missing \" in quoted-field",
        "no closing quote | t,u,1\\nt,\"u,1\\n       | 2 | token file 'tokens.csv': parse error on line 2, column 8: extraneous or missing \" in quoted-field",
        "across lines     | t,\"a\\nb\"c,1\\n          | 2 | token file 'tokens.csv': record on line 1; parse error on line 2, column 3: extraneous or missing \" in quoted-field",
    })
    void refusesWhatKubeApiserverRefusesNamingTheLine(String what, String content, int line, String message) {
        TokenFileException e = assertThrows(TokenFileException.class,
                () -> TokenFile.parse(content.replace("\\n", "\n"), "tokens.csv"));
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("tokens.csv");
        Files.writeString(path, "secret,jane,42,\"editors\"\n");
        TokenFile file = TokenFile.read(path);
        assertEquals(new RbacUser("jane", "42", List.of("editors", "system:authenticated"), Map.of()),
                user(file, "secret"));
        Files.writeString(path, "secret\n");
        TokenFileException e = assertThrows(TokenFileException.class, () -> TokenFile.read(path));
        assertTrue(e.getMessage().startsWith("token file '" + path + "' must have at least 3 columns"), e.getMessage());
    }

    @Test
    void theEmptyFileAcceptsNoToken() {
        assertEquals(0, TokenFile.empty().size());
        assertTrue(TokenFile.empty().user("").isEmpty());
    }
}
