package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every kind of request each user made and what was decided, so that a test can prove least
 * privilege: that everything a user did was allowed by a given role, and that every rule (and every
 * verb and resource of it) of that role was needed. Requests differing only in API version count
 * as one. Thread-safe; holds at most {@value #CAPACITY} distinct entries and counts what it drops.
 */
public final class DecisionRecorder {

    static final int CAPACITY = 100_000;

    private record Key(String user, RequestAttributes request, boolean allowed, Optional<RuleSource> source) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    public void record(AuthorizationDecision decision) {
        RequestAttributes r = decision.request();
        RequestAttributes withoutVersion = new RequestAttributes(r.resourceRequest(), r.verb(), r.apiGroup(), "",
                r.resource(), r.subresource(), r.namespace(), r.name(), r.resourceRequest() ? "" : r.path());
        Key key = new Key(decision.user().name(), withoutVersion, decision.allowed(), decision.source());
        LongAdder count = counts.get(key);
        if (count == null && counts.size() >= CAPACITY) {
            dropped.increment();
            return;
        }
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** What the user did, sorted by its description. */
    public List<RecordedRequest> byUser(String user) {
        return all().stream().filter(r -> r.user().equals(user)).toList();
    }

    public List<RecordedRequest> all() {
        List<RecordedRequest> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(new RecordedRequest(k.user(), k.request(), k.allowed(), k.source(),
                v.sum())));
        list.sort(Comparator.comparing(RecordedRequest::describe).thenComparing(RecordedRequest::allowed));
        return list;
    }

    /** How many distinct entries were not kept because the recorder was full. */
    public long dropped() {
        return dropped.sum();
    }

    public void clear() {
        counts.clear();
        dropped.reset();
    }

    /** The user's requests against a Role or ClusterRole object's rules (see {@link RoleCoverage}). */
    public RoleCoverage coverage(String user, JsonNode role) {
        List<PolicyRule> rules = PolicyRule.ofRole(role);
        List<RecordedRequest> requests = byUser(user);
        List<RecordedRequest> notAllowed = requests.stream()
                .filter(r -> rules.stream().noneMatch(rule -> rule.allows(r.request()))).toList();
        List<PolicyRule> unused = rules.stream()
                .filter(rule -> requests.stream().noneMatch(r -> rule.allows(r.request()))).toList();
        List<String> unusedPermissions = new ArrayList<>();
        for (PolicyRule rule : rules) {
            for (PolicyRule single : RulePermissions.split(rule)) {
                if (requests.stream().noneMatch(r -> single.allows(r.request()))) {
                    unusedPermissions.add(RulePermissions.describe(single));
                }
            }
        }
        return new RoleCoverage(notAllowed, unused, unusedPermissions);
    }
}
