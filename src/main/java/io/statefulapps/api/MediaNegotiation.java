package io.statefulapps.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Picks between JSON and the alternative a path offers, honouring the order and weights of Accept. */
public final class MediaNegotiation {

    private MediaNegotiation() {
    }

    public static boolean prefersYaml(HttpHeaders headers) {
        return prefers(headers, "yaml");
    }

    public static boolean prefersText(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("plain")) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefers(HttpHeaders headers, String subtypeWord) {
        // getAcceptableMediaTypes() is already sorted by quality and specificity.
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.getSubtype().contains(subtypeWord)) {
                return true;
            }
            if (type.getSubtype().equals("json")) {
                return false;
            }
        }
        return false;
    }
}
