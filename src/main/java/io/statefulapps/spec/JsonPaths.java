package io.statefulapps.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/** Renders Jackson's notion of "where" as a spec path in {@link FieldError}'s notation. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of a binding failure: {@code ports[0].port}, {@code resources.requests[cpu]}. */
    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (int i = 0; i < refs.size(); i++) {
            JsonMappingException.Reference ref = refs.get(i);
            if (ref.getFieldName() != null) {
                boolean mapKey = ref.getFrom() instanceof java.util.Map;
                appendName(path, ref.getFieldName(), mapKey);
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The path of a field met while parsing, the parser being on its name or on its value. When its value is an object or an array the
     * parser has already entered it, so the enclosing object is one level up.
     */
    static String ofUnknownField(JsonParser p, String propertyName) {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        String enclosing = of(ctx.inObject() ? ctx.getParent() : ctx);
        StringBuilder path = new StringBuilder(enclosing);
        appendName(path, propertyName, false);
        return path.toString();
    }

    /** The path of the token the parser is on: a member's name or a value (inside an object or an array). */
    static String ofCurrentToken(JsonParser p) {
        return of(p.getParsingContext());
    }

    /** The path of a member of the object at {@code enclosing}. */
    static String member(String enclosing, String name) {
        StringBuilder path = new StringBuilder(enclosing);
        appendName(path, name, false);
        return path.toString();
    }

    private static String of(JsonStreamContext ctx) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                appendName(path, c.getCurrentName(), false);
            }
        }
        return path.toString();
    }

    /** Keys that read unambiguously after a dot; all others go in brackets. */
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** The path of a map entry: {@code map.key} for simple keys, {@code map[key]} for all others. */
    static String mapEntry(String map, String key) {
        StringBuilder path = new StringBuilder(map);
        appendName(path, key, true);
        return path.toString();
    }

    private static void appendName(StringBuilder path, String name, boolean mapKey) {
        if (mapKey && !SIMPLE_KEY.matcher(name).matches()) {
            path.append('[').append(name).append(']');
        } else {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(name);
        }
    }
}
