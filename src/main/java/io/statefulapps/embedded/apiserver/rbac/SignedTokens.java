package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWS tokens signed with HMAC-SHA256 (RFC 7515/7519): {@code header.payload.signature},
 * each part base64url without padding. The key never leaves the process, so tokens outlive neither
 * it nor a restart of the embedded cluster.
 */
final class SignedTokens {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The claims of a token whose structure could be read, and whether its signature is ours. */
    record Opened(ObjectNode claims, boolean signatureValid) {
    }

    private final SecretKeySpec key;
    private final String keyId;

    SignedTokens(byte[] secret, String keyId) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.keyId = keyId;
    }

    String sign(ObjectNode claims) {
        ObjectNode header = MAPPER.createObjectNode().put("alg", "HS256").put("kid", keyId).put("typ", "JWT");
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + ENCODER.encodeToString(mac(signingInput));
    }

    /** The claims of anything shaped like a JWT, or empty for other tokens (not this issuer's business). */
    Optional<Opened> open(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = MAPPER.readTree(DECODER.decode(parts[0]));
            JsonNode claims = MAPPER.readTree(DECODER.decode(parts[1]));
            if (!(claims instanceof ObjectNode object) || !header.path("alg").asText().equals("HS256")) {
                return Optional.empty();
            }
            byte[] expected = mac(parts[0] + "." + parts[1]);
            boolean valid = MessageDigest.isEqual(expected, DECODER.decode(parts[2]));
            return Optional.of(new Opened(object, valid));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return ENCODER.encodeToString(MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
