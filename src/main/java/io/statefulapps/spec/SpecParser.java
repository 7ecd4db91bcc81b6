package io.statefulapps.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fabric8.kubernetes.api.model.IntOrString;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Reads a request body into an {@link AppSpec}.
 *
 * <ul>
 *   <li>Not an AppSpec at all (malformed JSON, a body that is not a JSON object, a value of the wrong
 *       JSON type such as {@code "replicas": "two"}) → {@link MalformedSpecException} naming the place;
 *       values of the wrong type are all named, each with its path ({@link WrongTypes}).</li>
 *   <li>Unknown fields, at any depth and also inside the Fabric8 blocks ({@code securityContext},
 *       {@code affinity}, …) → all listed in {@link ParsedSpec#unknownFields()}, never dropped.</li>
 * </ul>
 *
 * <p>Types are strict, as the API server's are: {@code "2"} is not an integer and {@code 2} is not a
 * string. Thread-safe: the mapper is configured once and the unknown fields of a call are collected
 * in a per-call reader attribute.
 */
public final class SpecParser {

    private final ObjectMapper mapper;

    public SpecParser() {
        mapper = new ObjectMapper();
        // Fabric8 models catch unknown fields in an @JsonAnySetter map; switching any-setters off sends
        // them to UnknownFieldRecorder like ours, with their exact path.
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE;
            }
        });
        mapper.addHandler(new UnknownFieldRecorder());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" or " " is not a number nor a boolean either (Jackson would read it as absent, i.e. the default)
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false);
        }
    }

    /** Parses a request body (UTF-8 JSON); {@code null} counts as an empty body. */
    public ParsedSpec parse(byte[] body) {
        if (body == null) {
            return parse(new byte[0]);
        }
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedSpecException("", "the body is empty: expected a JSON object (an AppSpec)", null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedSpecException("", "the body must be a JSON object (an AppSpec), not "
                        + describe(first) + where(p.currentTokenLocation()), null);
            }
            List<FieldError> unknown = new ArrayList<>();
            AppSpec spec;
            try {
                spec = read(reader(unknown), p);
            } catch (MalformedSpecException wrongType) {
                throw withEveryWrongType(wrongType, () -> mapper.readTree(body));
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new MalformedSpecException("", "unexpected content after the JSON object"
                        + where(p.currentTokenLocation()), null);
            }
            Utf8Text.require(body);
            UnpairedSurrogates.requireNone(body);
            return new ParsedSpec(spec, inDocumentOrder(unknown, () -> mapper.createParser(body)));
        } catch (JsonProcessingException e) {
            // Jackson names the (redacted) source in nested locations: keep only line and column
            String detail = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
            throw new MalformedSpecException("", "malformed JSON: " + detail + where(e.getLocation()), e);
        } catch (IOException e) {
            // reading from a byte array does not fail for I/O reasons; treat it like bad content
            throw new MalformedSpecException("", "unreadable body: " + e.getMessage(), e);
        }
    }

    /** Parses a spec already in tree form, e.g. the result of applying a JSON merge patch. */
    public ParsedSpec parse(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new MalformedSpecException("", "the spec must be a JSON object, not "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase()), null);
        }
        UnpairedSurrogates.requireNone(tree);
        try {
            return readTree(tree);
        } catch (MalformedSpecException wrongType) {
            throw withEveryWrongType(wrongType, () -> tree);
        }
    }

    /** Reads a spec from a tree as it is: the first value of the wrong type is thrown. */
    private ParsedSpec readTree(JsonNode tree) {
        List<FieldError> unknown = new ArrayList<>();
        try {
            AppSpec spec;
            try (JsonParser p = tree.traverse()) {
                spec = read(reader(unknown), p);
            }
            return new ParsedSpec(spec, inDocumentOrder(unknown, tree::traverse));
        } catch (IOException e) {
            throw new MalformedSpecException("", "unreadable spec: " + e.getMessage(), e);
        }
    }

    /** Reads the spec, turning a type error into its message while the parser still sees the culprit. */
    private static AppSpec read(ObjectReader reader, JsonParser p) throws IOException {
        try {
            return reader.readValue(p);
        } catch (JsonMappingException e) {
            JsonToken got = p.currentToken();
            throw wrongType(e, got, got != null && got.isScalarValue() ? p.getText() : null);
        }
    }

    /** The spec as a tree, with nulls left out: the starting point of a JSON merge patch. */
    public JsonNode toTree(AppSpec spec) {
        return mapper.valueToTree(spec);
    }

    private ObjectReader reader(List<FieldError> unknownSink) {
        return mapper.readerFor(AppSpec.class).withAttribute(UnknownFieldRecorder.UNKNOWN_FIELDS, unknownSink);
    }

    /** Opens a fresh parser over the same input. */
    private interface Source {
        JsonParser open() throws IOException;
    }

    /** The whole body as a tree, read when needed. */
    private interface Tree {
        JsonNode read() throws IOException;
    }

    /**
     * {@code first} with every other value of the wrong JSON type in the same body (see
     * {@link WrongTypes}), so that one answer names them all, and the rest of the spec with those
     * values set aside, for its own rules to be checked; {@code first} itself when the body breaks
     * further on as JSON (the first is then all that is known).
     */
    private MalformedSpecException withEveryWrongType(MalformedSpecException first, Tree body) {
        if (first.errors().isEmpty()) {
            return first;
        }
        WrongTypes.Found found;
        try {
            found = WrongTypes.all(first, body.read(), this::readRest);
        } catch (IOException e) {
            return first;
        }
        ParsedSpec rest = found.rest().orElse(null);
        List<FieldError> all = found.errors();
        String message = all.size() == 1 ? first.getMessage()
                : all.size() + " values have the wrong JSON type, each listed in 'errors'; the first: "
                        + first.getMessage();
        return new MalformedSpecException(first.field(), message, first.getCause(), all, rest);
    }

    /**
     * A body with some of its values set aside, read as a spec: the next value of the wrong type is
     * thrown, and so is a lone surrogate once the rest reads (it holds no spec whose rules count).
     */
    private ParsedSpec readRest(JsonNode rest) {
        ParsedSpec parsed = readTree(rest);
        UnpairedSurrogates.requireNone(rest);
        return parsed;
    }

    /**
     * Jackson reports a record's unknown fields only once the record is complete (it buffers them), so
     * they arrive out of order; a second pass over the input, only when there are several, puts them
     * back in the order of the document.
     */
    private static List<FieldError> inDocumentOrder(List<FieldError> unknown, Source source) throws IOException {
        if (unknown.size() < 2) {
            return unknown;
        }
        Map<String, Integer> order = new HashMap<>();
        try (JsonParser p = source.open()) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    order.putIfAbsent(JsonPaths.ofUnknownField(p, p.currentName()), order.size());
                }
            }
        }
        return unknown.stream()
                .sorted(Comparator.comparing((FieldError e) -> order.getOrDefault(e.field(), Integer.MAX_VALUE)))
                .toList();
    }

    private static MalformedSpecException wrongType(JsonMappingException e, JsonToken got, String gotText) {
        String field = JsonPaths.of(e);
        String at = field.isEmpty() ? "the spec" : field;
        String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
        String what;
        if (expected != null && got != null) {
            what = "expected " + expected + ", got " + describe(got)
                    + (gotText == null || got == JsonToken.VALUE_NULL ? ""
                    : got == JsonToken.VALUE_STRING ? " \"" + gotText + "\"" : " " + gotText);
        } else {
            String detail = e.getOriginalMessage();
            int cut = detail.indexOf('\n');
            what = "wrong type or value (" + (cut > 0 ? detail.substring(0, cut) : detail) + ")";
        }
        return new MalformedSpecException(field, at + ": " + what + where(e.getLocation()), e,
                List.of(new FieldError(field, what)));
    }

    /** The JSON shape of a Java type, in the words of the API's documentation. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == IntOrString.class) {
            return "a port number or a port name";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.getName().startsWith("io.fabric8.")) {
            return "an object";
        }
        return null;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
