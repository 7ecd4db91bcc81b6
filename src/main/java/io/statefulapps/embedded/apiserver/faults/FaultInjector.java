package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault rules in force and what they make of each request; the server of
 * {@code /_sim/faults}: {@link #install} for PUT, {@link #view} for GET, {@link #clear} for DELETE,
 * and {@link #decide} for every other request, before it is served. Rules are tried in their
 * order: each rule whose scope covers the request counts it, and fires on its {@code nth} match
 * and after, up to {@code times}; delays of firing rules add up; the first rule that fails the
 * request (or refuses it, or ends a watch with 410) decides, and later rules do not see the
 * request. While a {@code refuseConnections} window is open every request is refused. Thread-safe.
 */
public final class FaultInjector {

    /** A rule and its counters. */
    private static final class Installed {

        final FaultRule rule;
        final Instant until;
        long matched;
        long fired;

        Installed(FaultRule rule, Instant installedAt) {
            this.rule = rule;
            this.until = rule.forMs().isPresent() ? installedAt.plusMillis(rule.forMs().getAsLong()) : null;
        }

        boolean exhausted() {
            return fired >= rule.maxFirings();
        }
    }

    private final List<Installed> rules = new ArrayList<>();

    /**
     * Replaces the rules with those of a PUT body.
     *
     * @throws InvalidFaultRules listing every problem; the rules in force are then unchanged
     */
    public FaultInstallation install(String body, Instant now) {
        return install(FaultRulesParser.parse(body), now);
    }

    synchronized FaultInstallation install(List<FaultRule> newRules, Instant now) {
        rules.clear();
        List<FaultScope> drops = new ArrayList<>();
        for (FaultRule rule : newRules) {
            Installed installed = new Installed(rule, now);
            if (rule.dropWatches()) {
                drops.add(rule.scope());
                installed.fired = 1;
            }
            rules.add(installed);
        }
        return new FaultInstallation(drops);
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The rules as a GET shows them: each as given, with {@code matched} and {@code fired} counts. */
    public synchronized ArrayNode view() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Installed installed : rules) {
            ObjectNode node = installed.rule.toJson();
            if (installed.until != null) {
                node.put("until", DateTimeFormatter.ISO_INSTANT.format(installed.until));
            }
            node.put("matched", installed.matched).put("fired", installed.fired);
            list.add(node);
        }
        return list;
    }

    /** Whether any rule is in force, so a server can skip working out a request's target. */
    public synchronized boolean active() {
        return !rules.isEmpty();
    }

    /**
     * Whether a new connection is to be refused: a {@code refuseConnections} window is open (the
     * connection counts as a firing of its rule).
     */
    public synchronized boolean refusesConnection(Instant now) {
        for (Installed installed : rules) {
            if (installed.until != null && now.isBefore(installed.until)) {
                installed.matched++;
                installed.fired++;
                return true;
            }
        }
        return false;
    }

    /** What to do with a request; the server must not ask about requests to {@code /_sim/}. */
    public synchronized InjectorDecision decide(FaultTarget target, Instant now) {
        if (rules.isEmpty()) {
            return InjectorDecision.NONE;
        }
        for (int i = 0; i < rules.size(); i++) {
            Installed refusing = rules.get(i);
            if (refusing.until != null && now.isBefore(refusing.until)) {
                refusing.matched++;
                refusing.fired++;
                return new InjectorDecision(Duration.ZERO, new FaultOutcome.RefuseConnection(refusing.until), List.of(i));
            }
        }
        Duration delay = Duration.ZERO;
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Installed installed = rules.get(i);
            FaultRule rule = installed.rule;
            if (rule.refuseConnections() || rule.dropWatches()
                    || (rule.watchGone() && !target.verb().equals("watch")) || !rule.scope().covers(target)) {
                continue;
            }
            installed.matched++;
            if (installed.matched < rule.firstFiring() || installed.exhausted()) {
                continue;
            }
            installed.fired++;
            fired.add(i);
            delay = delay.plusMillis(rule.delayMs().orElse(0));
            if (rule.watchGone()) {
                return new InjectorDecision(delay, new FaultOutcome.WatchGone(i), fired);
            }
            if (rule.status().isPresent()) {
                return new InjectorDecision(delay, FaultStatuses.failure(rule, i, target), fired);
            }
        }
        return fired.isEmpty() ? InjectorDecision.NONE : new InjectorDecision(delay, new FaultOutcome.Proceed(), fired);
    }
}
