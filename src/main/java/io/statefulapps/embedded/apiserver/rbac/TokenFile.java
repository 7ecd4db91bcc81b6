package io.statefulapps.embedded.apiserver.rbac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A static token file in kube-apiserver's {@code --token-auth-file} format: CSV records
 * {@code token,user,uid[,"group1,group2"]} (see {@link CsvRecords} for the dialect). Read as the
 * real server reads it: every record needs at least three fields; a record with an empty token is
 * skipped and a repeated token replaces the earlier one (both with a warning); a fourth field is
 * split at commas into groups, so an empty one makes the single group {@code ""}; fields after the
 * fourth are ignored.
 */
public final class TokenFile {

    private final Map<String, RbacUser> users;
    private final List<String> warnings;

    private TokenFile(Map<String, RbacUser> users, List<String> warnings) {
        this.users = Map.copyOf(users);
        this.warnings = List.copyOf(warnings);
    }

    /** A file with no tokens: only the admin and ServiceAccount tokens are then accepted. */
    public static TokenFile empty() {
        return new TokenFile(Map.of(), List.of());
    }

    public static TokenFile read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    }

    /**
     * @param content the file's text
     * @param source how messages name the file (its path)
     * @throws TokenFileException naming the line, when kube-apiserver would refuse the file
     */
    public static TokenFile parse(String content, String source) {
        Map<String, RbacUser> users = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        int recordNumber = 0;
        for (CsvRecords.Row row : CsvRecords.parse(content, source)) {
            List<String> f = row.fields();
            if (f.size() < 3) {
                throw new TokenFileException("token file '" + source + "' must have at least 3 columns (token, user"
                        + " name, user uid), found " + f.size() + " on line " + row.line(), row.line());
            }
            recordNumber++;
            if (f.get(0).isEmpty()) {
                warnings.add("empty token has been found in token file '" + source + "', record number '"
                        + recordNumber + "'");
                continue;
            }
            if (users.containsKey(f.get(0))) {
                warnings.add("duplicate token has been found in token file '" + source + "', record number '"
                        + recordNumber + "'");
            }
            List<String> groups = f.size() >= 4 ? Arrays.asList(f.get(3).split(",", -1)) : List.of();
            users.put(f.get(0), RbacUser.authenticated(f.get(1), f.get(2), groups, Map.of()));
        }
        return new TokenFile(users, warnings);
    }

    /** What kube-apiserver would log as warnings while reading the file. */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return users.size();
    }

    Optional<RbacUser> user(String token) {
        return Optional.ofNullable(users.get(token));
    }
}
