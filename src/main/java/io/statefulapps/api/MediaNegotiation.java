package io.statefulapps.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks between JSON and the alternative a path offers, honouring the order and weights of Accept. */
public final class MediaNegotiation {

    /** The YAML media types people send: the registered one and the two older ones tools still use. */
    static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml");

    private MediaNegotiation() {
    }

    /** The YAML type the caller prefers over JSON, if any (getAcceptableMediaTypes is sorted by weight). */
    public static Optional<String> preferredYaml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            String name = type.getType() + "/" + type.getSubtype();
            if (YAML_TYPES.contains(name)) {
                return Optional.of(name);
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether plain text ({@code text/plain} or {@code text/*}) comes before JSON in Accept. */
    public static boolean prefersText(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equals("text") && (type.getSubtype().equals("plain") || type.isWildcardSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether Accept admits any of the offered types. JAX-RS cannot tell alone when one path has
     * several methods (the health report and its event stream): it picked the report for any Accept.
     */
    static boolean acceptsAny(HttpHeaders headers, MediaType... offered) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            for (MediaType one : offered) {
                if (type.isCompatible(one)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What an {@code Accept} (all its values) plainly asks for, when it is that plain: JSON when it
     * is absent, {@code application/json}, {@code application/*} or {@code *}{@code /*} alone;
     * {@code text/plain} alone. Empty for anything subtler (weights, lists, other types), which
     * JAX-RS negotiates in full.
     */
    static Optional<MediaType> plainChoice(List<String> accept) {
        if (accept.isEmpty()) {
            return Optional.of(MediaType.APPLICATION_JSON_TYPE);
        }
        if (accept.size() > 1) {
            return Optional.empty();
        }
        String only = accept.get(0).trim();
        if (only.equalsIgnoreCase(MediaType.APPLICATION_JSON) || only.equals("*/*")
                || only.equalsIgnoreCase("application/*")) {
            return Optional.of(MediaType.APPLICATION_JSON_TYPE);
        }
        return only.equalsIgnoreCase(MediaType.TEXT_PLAIN) ? Optional.of(MediaType.TEXT_PLAIN_TYPE) : Optional.empty();
    }
}
