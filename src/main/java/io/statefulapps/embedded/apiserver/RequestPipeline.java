package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request goes through these named steps, in this order; each is a seam where later work
 * plugs in without touching the handlers:
 * <ol>
 * <li>{@link #faults} — {@link Faults}: delay, refuse, or answer its own endpoint (before anyone
 *     checks the caller, like a server in trouble);</li>
 * <li>{@link #authenticate} — {@link AccessControl#authenticate}: who is calling (401);</li>
 * <li>{@link #authorize} — {@link AccessControl#authorize}: may they (403);</li>
 * <li>{@link #decodeBody} — {@link BodyDecoder} by Content-Type (415, 400);</li>
 * <li>{@link #handle} — {@link ResourceRouter}: the handlers;</li>
 * <li>{@link #audit} — the {@link AuditLog} record, once the status is known.</li>
 * </ol>
 * The HTTP front drives the steps: it waits out a fault's delay without holding a thread, and runs
 * the rest on a worker thread.
 */
final class RequestPipeline {

    private static final Logger LOG = Logger.getLogger(RequestPipeline.class.getName());
    private static final Set<String> METHODS_WITH_OBJECTS = Set.of("POST", "PUT", "DELETE");

    private final ResourceCatalog catalog;
    private final Faults faults;
    private final AccessControl access;
    private final BodyDecoders bodies;
    private final ResourceRouter router;
    private final AuditLog auditLog;

    RequestPipeline(ResourceCatalog catalog, Faults faults, AccessControl access, BodyDecoders bodies,
            ResourceRouter router, AuditLog audit) {
        this.catalog = catalog;
        this.faults = faults;
        this.access = access;
        this.bodies = bodies;
        this.router = router;
        this.auditLog = audit;
    }

    /** Step 1. A fault step that fails lets the request through: faults must never break the server. */
    FaultDecision faults(Incoming request) {
        try {
            return faults.onRequest(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the fault step failed on " + request.method() + " " + request.path(), e);
            return FaultDecision.PROCEED;
        }
    }

    /** Steps 2 to 5, for a request the fault step let through. */
    Outcome checkAndHandle(Incoming request) {
        UserInfo user = null;
        try {
            user = authenticate(request);
            authorize(user, request);
            ObjectNode object = decodeBody(request);
            return new Outcome(user, handle(new ApiRequest(request, user, object)));
        } catch (ApiException e) {
            return new Outcome(user, HttpAnswer.status(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "embedded API server failed on " + request.method() + " " + request.path(), e);
            return new Outcome(user, HttpAnswer.status(new ApiException(500, "InternalError",
                    "Internal error occurred: " + e, null, null, null, List.of())));
        }
    }

    /** Step 2. */
    UserInfo authenticate(Incoming request) {
        return access.authenticate(request);
    }

    /** Step 3. */
    void authorize(UserInfo user, Incoming request) {
        access.authorize(user, request);
    }

    /**
     * Step 4: the object of a POST, PUT or DELETE of a served resource; PATCH bodies stay text, and a
     * resource nobody serves is the handler's 404, not a decoding error.
     */
    ObjectNode decodeBody(Incoming request) {
        RequestTarget target = request.target();
        if (!request.info().resourceRequest() || !METHODS_WITH_OBJECTS.contains(request.method())) {
            return null;
        }
        return catalog.find(target.group(), target.version(), target.plural())
                .map(type -> bodies.decode(request, expectedKind(type, request))).orElse(null);
    }

    /** The kind a body must hold: options for a delete, the subresource's own kind, else the type's. */
    private static String expectedKind(ResourceType type, Incoming request) {
        if (request.method().equals("DELETE")) {
            return "DeleteOptions";
        }
        String subresource = request.target().subresource();
        return switch (subresource == null ? "" : subresource) {
            case "token" -> "TokenRequest";
            case "scale" -> "Scale";
            case "eviction" -> "Eviction";
            case "binding" -> "Binding";
            default -> type.kind();
        };
    }

    /** Step 5. */
    Reply handle(ApiRequest request) {
        return router.route(request);
    }

    /** Step 6. */
    void audit(UserInfo user, Incoming request, int status) {
        auditLog.record(user, request.info(), status);
    }
}
