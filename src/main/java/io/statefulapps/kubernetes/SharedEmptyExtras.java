package io.statefulapps.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.Map;

/**
 * Every Fabric8 model object carries a map of the fields its class does not know, created empty with
 * the object and nearly always left so: a client that keeps every object it reads (the simulated
 * controllers' informers) held two million of them for 10,000 apps. After an object is read, an empty
 * map is replaced by the one shared, unmodifiable empty map; a map with unknown fields stays. What
 * Fabric8's builders and serialization do with the object is unchanged (they copy or read the map);
 * only a direct {@code setAdditionalProperty} on such an object would be refused, and nothing calls
 * that on an object read from the API server.
 */
public final class SharedEmptyExtras extends BeanDeserializerModifier {

    private static final MethodType GETTER = MethodType.methodType(Map.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Map.class);
    private static final MethodType ANY_GETTER = MethodType.methodType(Map.class, Object.class);
    private static final MethodType ANY_SETTER = MethodType.methodType(void.class, Object.class, Map.class);

    /** The one empty map of unknown fields every object without any shares. */
    public static final Map<String, Object> NONE = Collections.emptyMap();

    private SharedEmptyExtras() {
    }

    /** Unknown fields as an object should keep them: {@link #NONE} when there are none (nearly always). */
    public static Map<String, Object> shared(Map<String, Object> extras) {
        return extras == null || extras.isEmpty() ? NONE : extras;
    }

    /** The module to register on a mapper. */
    static SimpleModule module() {
        return new SimpleModule("shared-empty-extras").setDeserializerModifier(new SharedEmptyExtras());
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
            JsonDeserializer<?> deserializer) {
        Class<?> type = bean.getBeanClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle getter = lookup.findVirtual(type, "getAdditionalProperties", GETTER).asType(ANY_GETTER);
            MethodHandle setter = lookup.findVirtual(type, "setAdditionalProperties", SETTER).asType(ANY_SETTER);
            return new Sharing(deserializer, getter, setter);
        } catch (NoSuchMethodException | IllegalAccessException noExtras) {
            return deserializer;
        }
    }

    /** Reads as the class's own deserializer does, then shares an empty map of unknown fields. */
    private static final class Sharing extends DelegatingDeserializer {

        private final MethodHandle getter;
        private final MethodHandle setter;

        Sharing(JsonDeserializer<?> delegate, MethodHandle getter, MethodHandle setter) {
            super(delegate);
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Sharing(newDelegatee, getter, setter);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null) {
                share(value);
            }
            return value;
        }

        private void share(Object value) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> extras = (Map<String, Object>) getter.invokeExact(value);
                Map<String, Object> shared = shared(extras);
                if (shared != extras) {
                    setter.invokeExact(value, shared);
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("the map of unknown fields could not be shared", e);
            }
        }
    }
}
