package io.statefulapps.embedded.apiserver.protobuf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Go JSON facts of one message ({@link GoFieldFacts}), by proto field name: the scalars whose zero
 * value Go leaves out, the embedded structs whose fields belong to the parent, the JSON names that
 * differ from the proto names.
 */
record FieldFacts(Set<String> omittedWhenZero, Set<String> inlined, Map<String, String> jsonNames) {

    static final FieldFacts NONE = new FieldFacts(Set.of(), Set.of(), Map.of());

    String jsonName(String protoName) {
        return jsonNames.getOrDefault(protoName, protoName);
    }

    /** The facts of every message of {@link GoFieldFacts#TABLE}, by the message's full proto name. */
    static Map<String, FieldFacts> byMessage() {
        return parse(GoFieldFacts.TABLE);
    }

    static Map<String, FieldFacts> parse(String table) {
        Map<String, FieldFacts> byMessage = new HashMap<>();
        String protoPackage = null;
        for (String line : table.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                protoPackage = line.trim();
                continue;
            }
            if (protoPackage == null) {
                throw new IllegalArgumentException("a message line before any package line: " + line);
            }
            String[] tokens = line.trim().split(" +");
            byMessage.put(protoPackage + "." + tokens[0], ofTokens(tokens));
        }
        return Map.copyOf(byMessage);
    }

    private static FieldFacts ofTokens(String[] tokens) {
        Set<String> zero = new HashSet<>();
        Set<String> inline = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int equals = token.indexOf('=');
            if (token.startsWith("+")) {
                inline.add(token.substring(1));
            } else if (equals > 0) {
                names.put(token.substring(0, equals), token.substring(equals + 1));
            } else {
                zero.add(token);
            }
        }
        return new FieldFacts(Set.copyOf(zero), Set.copyOf(inline), Map.copyOf(names));
    }
}
