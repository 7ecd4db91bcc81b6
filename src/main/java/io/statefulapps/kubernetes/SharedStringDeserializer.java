package io.statefulapps.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Reads JSON string values so that equal short ones are one {@code String}. Kubernetes objects
 * repeat the same values over and over ({@code "default"}, {@code "True"}, {@code "Ready"}, an image,
 * a node's name, a label's value on the set, its pods and its claims), and every object a watch
 * brings is parsed anew: a cache of 10,000 apps held each of them once per occurrence.
 *
 * <p>The table is lossy and unsynchronized on purpose: a value is looked up in the one slot its
 * hash names and, when another value sits there, takes its place. A race or an eviction costs one
 * more copy of a string, never a wrong one ({@code String} is immutable, so a reference read from
 * another thread sees the whole string). A value found is answered without making a new string.
 */
final class SharedStringDeserializer extends StdScalarDeserializer<String> {

    /** Longer values are nearly always unique (uids, messages, JSON in annotations): not worth a look. */
    static final int MAX_SHARED_LENGTH = 64;
    private static final int SLOTS = 1 << 14;

    private final String[] table = new String[SLOTS];

    SharedStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING) || p.getTextLength() > MAX_SHARED_LENGTH) {
            // numbers, booleans and the rest coerced as Jackson's own String deserializer does
            return StringDeserializer.instance.deserialize(p, ctxt);
        }
        return shared(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private String shared(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String known = table[slot];
        if (known != null && sameText(known, chars, offset, length)) {
            return known;
        }
        String fresh = new String(chars, offset, length);
        table[slot] = fresh;
        return fresh;
    }

    private static boolean sameText(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
