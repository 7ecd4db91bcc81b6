package io.statefulapps.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.List;

/**
 * Records every unknown field instead of failing on the first one, and skips its value so that
 * parsing goes on. The list to record into is a per-call attribute of the reader, so one handler
 * (and one ObjectMapper) serves concurrent requests without shared mutable state.
 */
final class UnknownFieldRecorder extends DeserializationProblemHandler {

    /** Key of the per-call {@code List<FieldError>} attribute. */
    static final Object UNKNOWN_FIELDS = UnknownFieldRecorder.class;

    static final String MESSAGE = "unknown field";

    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        Object sink = ctxt.getAttribute(UNKNOWN_FIELDS);
        if (!(sink instanceof List<?>)) {
            return false; // not called through SpecParser: let Jackson fail as usual
        }
        ((List<FieldError>) sink).add(new FieldError(JsonPaths.ofUnknownField(p, propertyName), MESSAGE));
        p.skipChildren();
        return true;
    }
}
