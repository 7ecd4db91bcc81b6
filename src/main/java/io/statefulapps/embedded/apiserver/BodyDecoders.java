package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's body-decoding step: the decoder for the request's Content-Type (parameters
 * ignored; none given means JSON, as kubectl's older clients send). JSON and YAML are built in;
 * more (protobuf) are added by media type. An unknown type is the real server's 415.
 */
final class BodyDecoders {

    static final String JSON = "application/json";
    static final String YAML = "application/yaml";

    private final Map<String, BodyDecoder> byMediaType = new LinkedHashMap<>();

    BodyDecoders(Map<String, BodyDecoder> more) {
        ObjectMapper json = new ObjectMapper();
        byMediaType.put(JSON, (body, request, kind) -> parse(json, body));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        byMediaType.put(YAML, (body, request, kind) -> parse(yaml, body));
        more.forEach((type, decoder) -> byMediaType.put(mediaType(type), decoder));
    }

    /** The body's object, of {@code expectedKind}; null when the request has no body. */
    ObjectNode decode(Incoming request, String expectedKind) {
        byte[] body = request.rawBody();
        if (body.length == 0) {
            return null;
        }
        String type = mediaType(request.header("Content-Type"));
        BodyDecoder decoder = byMediaType.get(type.isEmpty() ? JSON : type);
        if (decoder == null) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: " + String.join(", ", byMediaType.keySet()), null, null, null,
                    List.of());
        }
        return decoder.decode(body, request.info(), expectedKind);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode parse(ObjectMapper mapper, byte[] body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
