package io.statefulapps.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses text that is not Unicode: a JSON {@code \\uD800} escape without its other half decodes to
 * an unpaired UTF-16 surrogate, which UTF-8 cannot carry. Jackson accepts it, and the Kubernetes
 * client would then send {@code ?} in its place, so the app would run with a value nobody sent.
 * RFC 8259 (section 8.2) leaves such strings' meaning unpredictable; the service answers 400.
 */
final class UnpairedSurrogates {

    private static final JsonFactory JSON = new JsonFactory();

    private UnpairedSurrogates() {
    }

    /** Throws {@link MalformedSpecException} naming the first string of the body with an unpaired surrogate. */
    static void requireNone(byte[] body) {
        if (!mayEscapeSurrogate(body)) {
            return;
        }
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && hasUnpaired(p.getText())) {
                    throw refused(JsonPaths.ofCurrentToken(p), token == JsonToken.FIELD_NAME);
                }
            }
        } catch (IOException e) {
            // Malformed JSON: the spec parser says where, in its own words.
        }
    }

    /** The same for a spec in tree form (a patched spec): member names and string values at any depth. */
    static void requireNone(JsonNode node) {
        check(node, "");
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual() && hasUnpaired(node.textValue())) {
            throw refused(path, false);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String memberPath = JsonPaths.member(path, member.getKey());
                if (hasUnpaired(member.getKey())) {
                    throw refused(memberPath, true);
                }
                check(member.getValue(), memberPath);
            }
        }
    }

    /** Whether {@code text} holds a high surrogate not followed by a low one, or a low one not preceded by a high one. */
    static boolean hasUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Raw UTF-8 cannot encode a surrogate (Jackson refuses such bytes), so only an escape {@code \\uD8..}
     * to {@code \\uDF..} can make one: bodies without one are not scanned again.
     */
    private static boolean mayEscapeSurrogate(byte[] body) {
        for (int i = 0; i + 3 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u' && (body[i + 2] == 'd' || body[i + 2] == 'D')) {
                byte third = body[i + 3];
                if ((third >= '8' && third <= '9') || (third >= 'a' && third <= 'f') || (third >= 'A' && third <= 'F')) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MalformedSpecException refused(String path, boolean name) {
        String where = path.isEmpty() ? "the spec" : path;
        return new MalformedSpecException(path, where + ": the " + (name ? "member name" : "string")
                + " holds an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape without its other half),"
                + " which is not Unicode text; send the character itself or a complete surrogate pair", null);
    }
}
