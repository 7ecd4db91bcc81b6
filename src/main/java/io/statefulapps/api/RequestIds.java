package io.statefulapps.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request id on every request: the caller's {@code X-Request-Id} when it is a sane token, else a
 * new one. It is in the log context ({@code requestId}, so every log line of the request carries
 * it), in the answer's {@code X-Request-Id}, and in every problem answer.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The log context key; the JSON log format writes it as {@code mdc.requestId}. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assign(ContainerRequestContext request) {
        String id = idFor(request.getHeaderString(HEADER));
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
    }

    /** The answer's header is {@link RequestIdRoute}'s; here the log context is let go. */
    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.remove(MDC_KEY);
    }

    /**
     * The caller's id when it is sane, else a new random one. Request ids need to be unique, not
     * unguessable: {@code UUID.randomUUID()} drew from SecureRandom on every request (seen in JFR).
     */
    static String idFor(String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The id of the request being served on this thread, if any. */
    static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
