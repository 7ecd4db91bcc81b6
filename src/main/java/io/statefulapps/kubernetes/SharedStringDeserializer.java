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
 * brings is parsed anew: a cache of 10,000 apps held each of them once per occurrence. The sharing
 * is a {@link BoundedInterner}'s: bounded, lock-free, a collision only a missed share.
 */
final class SharedStringDeserializer extends StdScalarDeserializer<String> {

    /** Longer values are nearly always unique (uids, messages, JSON in annotations): not worth a look. */
    static final int MAX_SHARED_LENGTH = 64;

    private final BoundedInterner<String> strings = new BoundedInterner<>(14, String::equals);

    SharedStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        // numbers, booleans and the rest are coerced as Jackson's own String deserializer does
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        return p.hasToken(JsonToken.VALUE_STRING) && value.length() <= MAX_SHARED_LENGTH ? strings.intern(value)
                : value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
