package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One fault rule, valid by construction through {@link FaultRulesParser}: a scope and one effect.
 * Effects: answer {@code status} (409 with {@code reason} Conflict or AlreadyExists, 422, 429 with
 * {@code retryAfterSeconds}, 500, 503 with optional {@code retryAfterSeconds}), possibly after
 * {@code delayMs}; only delay; end the open watches of the scope ({@code dropWatches}, once, when
 * installed); refuse every connection for {@code forMs} from installation
 * ({@code refuseConnections}); answer a watch 410 Gone ({@code watchGone}). A request-hitting rule
 * fires from the {@code nth} request of its scope on (default the first), {@code times} times
 * (default: once when {@code nth} or {@code watchGone} is given, else without end).
 */
record FaultRule(FaultScope scope, OptionalInt status, Optional<String> reason, OptionalInt retryAfterSeconds,
        OptionalLong delayMs, boolean dropWatches, boolean refuseConnections, OptionalLong forMs, boolean watchGone,
        OptionalLong nth, OptionalLong times) {

    /** The first matching request that fires. */
    long firstFiring() {
        return nth.orElse(1);
    }

    /** How many times the rule may fire; Long.MAX_VALUE for without end. */
    long maxFirings() {
        if (times.isPresent()) {
            return times.getAsLong();
        }
        return nth.isPresent() || watchGone || dropWatches ? 1 : Long.MAX_VALUE;
    }

    /** The rule as GET shows it: the fields that were given, in a fixed order. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        scope.verb().ifPresent(v -> node.put("verb", v));
        scope.resource().ifPresent(v -> node.put("resource", v));
        scope.subresource().ifPresent(v -> node.put("subresource", v));
        scope.namespace().ifPresent(v -> node.put("namespace", v));
        scope.name().ifPresent(v -> node.put("name", v));
        scope.user().ifPresent(v -> node.put("user", v));
        status.ifPresent(v -> node.put("status", v));
        reason.ifPresent(v -> node.put("reason", v));
        retryAfterSeconds.ifPresent(v -> node.put("retryAfterSeconds", v));
        delayMs.ifPresent(v -> node.put("delayMs", v));
        if (dropWatches) {
            node.put("dropWatches", true);
        }
        if (refuseConnections) {
            node.put("refuseConnections", true);
        }
        forMs.ifPresent(v -> node.put("forMs", v));
        if (watchGone) {
            node.put("watchGone", true);
        }
        nth.ifPresent(v -> node.put("nth", v));
        times.ifPresent(v -> node.put("times", v));
        return node;
    }
}
