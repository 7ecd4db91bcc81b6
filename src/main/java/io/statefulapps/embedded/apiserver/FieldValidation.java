package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-side field validation ({@code fieldValidation=Strict|Warn|Ignore}), as kubectl apply and
 * create use it: the object is decoded into the kind's Fabric8 model class with the classes' catch-all
 * for unknown properties switched off, so every field the kind does not declare is reported with its
 * path ("spec.template.spec.containers[0].foo"). Strict refuses with the real server's 400, Warn
 * answers Warning headers; without the parameter nothing is checked (the real default is Warn; the
 * check costs a typed decode per write, which clients that do not ask never read).
 */
final class FieldValidation {

    private static final Logger LOG = Logger.getLogger(FieldValidation.class.getName());
    private static final ThreadLocal<List<String>> FOUND = new ThreadLocal<>();
    private static final ObjectMapper STRICT = strictMapper();

    private FieldValidation() {
    }

    /** Warnings to answer with (Warn), or nothing; throws the 400 for Strict. */
    static List<String> check(ResourceType type, RequestTarget target, ObjectNode object) {
        String mode = target.param("fieldValidation");
        if (mode == null || mode.isEmpty() || mode.equals("Ignore")) {
            return List.of();
        }
        if (!mode.equals("Strict") && !mode.equals("Warn")) {
            throw ApiException.badRequest("fieldValidation invalid: " + mode
                    + " (must be one of: Ignore, Warn, Strict)");
        }
        List<String> unknown = unknownFields(type, object);
        if (unknown.isEmpty()) {
            return List.of();
        }
        List<String> messages = unknown.stream().map(f -> "unknown field \"" + f + "\"").toList();
        if (mode.equals("Strict")) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": strict decoding error: " + String.join(", ", messages));
        }
        return messages;
    }

    /** The paths of the fields the kind's model does not declare, in document order. */
    static List<String> unknownFields(ResourceType type, ObjectNode object) {
        if (type.model() == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        FOUND.set(found);
        try {
            STRICT.treeToValue(object, type.model());
        } catch (IOException | IllegalArgumentException e) {
            // a value of the wrong type: not what this check is about; the fields found so far stand
            LOG.log(Level.FINE, "typed decode of " + type.kind() + " stopped", e);
        } finally {
            FOUND.remove();
        }
        return found;
    }

    private static ObjectMapper strictMapper() {
        SimpleModule withoutCatchAll = new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        return new ObjectMapper().registerModule(withoutCatchAll)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                            JsonDeserializer<?> deserializer, Object beanOrClass, String property) throws IOException {
                        List<String> found = FOUND.get();
                        if (found != null) {
                            found.add(path(p.getParsingContext(), property));
                        }
                        p.skipChildren();
                        return true;
                    }
                });
    }

    /** "spec.containers[0].foo" from the parser's position inside the object holding {@code property}. */
    private static String path(JsonStreamContext context, String property) {
        List<String> steps = new ArrayList<>();
        steps.add(property);
        for (JsonStreamContext at = context.getParent(); at != null && !at.inRoot(); at = at.getParent()) {
            steps.add(at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        Collections.reverse(steps);
        StringBuilder out = new StringBuilder();
        for (String step : steps) {
            if (out.length() > 0 && !step.startsWith("[")) {
                out.append('.');
            }
            out.append(step);
        }
        return out.toString();
    }
}
