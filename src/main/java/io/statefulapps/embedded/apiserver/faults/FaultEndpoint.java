package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statefulapps.embedded.apiserver.ApiException;
import io.statefulapps.embedded.apiserver.ApiServerContext;
import io.statefulapps.embedded.apiserver.FaultDecision;
import io.statefulapps.embedded.apiserver.Faults;
import io.statefulapps.embedded.apiserver.HttpAnswer;
import io.statefulapps.embedded.apiserver.Incoming;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API server's fault step over a {@link FaultInjector}: serves {@value #PATH} (GET the rules with
 * their counters, PUT or POST new ones, DELETE them all) and carries out the rules' decisions for
 * every other request: delays, failures with a {@code Status}, dropped and refused connections, 410
 * Gone on a watch, and at installation the end of the open watches a {@code dropWatches} rule covers.
 * The endpoint itself is never faulted and needs no credentials.
 */
public final class FaultEndpoint implements Faults {

    public static final String PATH = "/_sim/faults";

    private final FaultInjector injector = new FaultInjector();
    private final ApiServerContext server;

    public FaultEndpoint(ApiServerContext server) {
        this.server = server;
    }

    @Override
    public boolean refuseConnection() {
        return injector.refusesConnection(server.clock().instant());
    }

    @Override
    public FaultDecision onRequest(Incoming request) {
        if (request.path().equals(PATH) || request.path().equals(PATH + "/")) {
            return FaultDecision.answer(serve(request));
        }
        if (request.path().startsWith("/_sim/") || !injector.active()) {
            return FaultDecision.PROCEED;
        }
        FaultTarget target = FaultTargets.of(request, server);
        InjectorDecision decision = injector.decide(target, server.clock().instant());
        FaultOutcome outcome = decision.outcome();
        if (outcome instanceof FaultOutcome.Fail fail) {
            return new FaultDecision(decision.delay(),
                    withHeaders(HttpAnswer.json(fail.code(), fail.body()), fail.headers()), false);
        }
        if (outcome instanceof FaultOutcome.RefuseConnection) {
            return new FaultDecision(decision.delay(), null, true);
        }
        if (outcome instanceof FaultOutcome.WatchGone gone) {
            return new FaultDecision(decision.delay(), HttpAnswer.json(410,
                    gone.status(target.resourceVersion(), FaultTargets.currentVersion(request, server))), false);
        }
        return decision.delay().isZero() ? FaultDecision.PROCEED : FaultDecision.delay(decision.delay());
    }

    private HttpAnswer serve(Incoming request) {
        Instant now = server.clock().instant();
        switch (request.method()) {
            case "GET" -> {
                return HttpAnswer.json(200, injector.view());
            }
            case "PUT", "POST" -> {
                try {
                    FaultInstallation installed = injector.install(new String(request.body(), StandardCharsets.UTF_8),
                            now);
                    if (!installed.dropWatches().isEmpty()) {
                        server.watches().endWatches(watch -> installed.endsWatch(FaultTargets.ofWatch(watch)));
                    }
                    return HttpAnswer.json(200, injector.view());
                } catch (InvalidFaultRules invalid) {
                    return HttpAnswer.status(ApiException.badRequest(invalid.getMessage()));
                }
            }
            case "DELETE" -> {
                injector.clear();
                return HttpAnswer.json(200, JsonNodeFactory.instance.arrayNode());
            }
            default -> {
                return HttpAnswer.status(new ApiException(405, "MethodNotAllowed", PATH
                        + " takes GET (the rules), PUT or POST (a JSON array of rules) and DELETE (none)", null, null,
                        null, List.of()));
            }
        }
    }

    private static HttpAnswer withHeaders(HttpAnswer answer, Map<String, String> headers) {
        HttpAnswer result = answer;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            result = result.withHeader(header.getKey(), header.getValue());
        }
        return result;
    }
}
