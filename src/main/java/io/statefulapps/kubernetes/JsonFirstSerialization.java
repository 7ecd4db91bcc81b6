package io.statefulapps.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fabric8's serialization, reading JSON without a detour. Fabric8 wraps every answer and every watch
 * event in a {@code BufferedInputStream} (a new 8 KiB buffer each time) only to look at the first
 * character and choose between JSON and YAML; with 3,000 apps settling that was a fifth of all the
 * memory the process allocated. Text and byte arrays that start as JSON are read straight away
 * here; anything else (YAML, other streams) goes the way Fabric8 goes. The service's client and
 * the simulated controllers' client both use it, the latter {@linkplain #sharingValues() sharing
 * equal strings}.
 */
public final class JsonFirstSerialization extends KubernetesSerialization {

    private final ObjectMapper mapper;

    /** Like {@code new KubernetesSerialization()}: a mapper of its own, resources found on the class path. */
    public JsonFirstSerialization() {
        this(new ObjectMapper(), true);
    }

    /** Like {@code new KubernetesSerialization(mapper, searchClassloaders)}, which configures the mapper. */
    public JsonFirstSerialization(ObjectMapper mapper, boolean searchClassloaders) {
        super(mapper, searchClassloaders);
        this.mapper = mapper;
    }

    /**
     * For a client whose informers keep every object as read (the simulated controllers'): equal
     * short string values come out as one string ({@link SharedStringDeserializer}), and empty maps
     * of unknown fields as one map ({@link SharedEmptyExtras}). Not for the
     * service's client: its watch cache keeps compacted copies whose strings are interned already,
     * and the table would only hold on to strings of objects it drops (Warning events of no app).
     */
    public static JsonFirstSerialization sharingValues() {
        ObjectMapper mapper = new ObjectMapper();
        JsonFirstSerialization serialization = new JsonFirstSerialization(mapper, true);
        mapper.registerModule(new SimpleModule("shared-strings").addDeserializer(String.class,
                new SharedStringDeserializer()));
        mapper.registerModule(SharedEmptyExtras.module());
        return serialization;
    }

    @Override
    public <T> T unmarshal(String text, TypeReference<T> type) {
        if (!isJson(firstNonBlank(text))) {
            return super.unmarshal(text, type);
        }
        try {
            // as bytes, as Fabric8 reads it: Jackson's UTF-8 parser is the faster one
            return mapper.readerFor(type).readValue(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw KubernetesClientException.launderThrowable(e);
        }
    }

    @Override
    public <T> T unmarshal(InputStream in, TypeReference<T> type) {
        if (!(in instanceof ByteArrayInputStream bytes) || !isJson(firstNonBlank(bytes))) {
            return super.unmarshal(in, type);
        }
        try {
            return mapper.readerFor(type).readValue(bytes);
        } catch (IOException e) {
            throw KubernetesClientException.launderThrowable(e);
        }
    }

    private static boolean isJson(int first) {
        return first == '{' || first == '[';
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }

    /** The first character that is not blank, the stream left where it was. */
    private static int firstNonBlank(ByteArrayInputStream in) {
        in.mark(0); // a ByteArrayInputStream ignores the limit: reset always returns here
        int c;
        do {
            c = in.read();
        } while (c != -1 && Character.isWhitespace(c));
        in.reset();
        return c;
    }
}
