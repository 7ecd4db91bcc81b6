package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The {@code pods/log} subresource, answered as the API server and the kubelet together answer
 * it: the API server picks the container (the only one, or 400 "a container name must be
 * specified"), a pod without a node gives an empty log, and the kubelet's checks on the
 * container status give its 400s ("is waiting to start: ...", "previous terminated container
 * ... not found"). The text itself is {@link SimulatedLog}'s, read from the stored pod. With
 * {@code follow=true} a running container's log keeps streaming ({@link #linesAfter}).
 */
final class PodLogs {

    /** Lines a followed run wrote since the last look, and whether the run has ended. */
    record More(List<SimulatedLog.Line> lines, boolean ended) {
    }

    private final ObjectStore store;
    private final ResourceType pods;
    private final Clock clock;

    PodLogs(ObjectStore store, ResourceType pods, Clock clock) {
        this.store = store;
        this.pods = pods;
        this.clock = clock;
    }

    static boolean applies(ResourceType type, RequestTarget target) {
        return "log".equals(target.subresource()) && type.is("", "pods");
    }

    /** The log as text/plain, or a stream when followed; else an ApiException shaped like the real refusal. */
    Reply read(ResourceType type, RequestTarget target) {
        StoredObject stored = store.get(type, target.namespace(), target.name());
        if (stored == null) {
            throw ApiException.notFound(type, target.name());
        }
        ObjectNode pod = stored.tree();
        PodLogOptions options = PodLogOptions.parse(target);
        String name = target.name();
        String container = ContainerRuns.choose(pod, name, options.container());
        String node = JsonFields.text(pod, "spec.nodeName");
        if (node == null || node.isEmpty()) {
            return HttpAnswer.text(200, ""); // no kubelet to ask yet: the API server streams nothing
        }
        JsonNode status = ContainerRuns.status(pod, container);
        if (status == null) {
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + name + "\" is not available");
        }
        SimulatedLog.Run run = ContainerRuns.chosen(status, container, name, options.previous());
        List<SimulatedLog.Line> lines = SimulatedLog.of(pod, ContainerRuns.spec(pod, container), status, run,
                ContainerRuns.isInit(pod, container), clock.instant());
        List<SimulatedLog.Line> kept = kept(lines, options);
        String text = format(kept, options.timestamps(), options.limitBytes());
        Long left = options.limitBytes() == null ? null
                : options.limitBytes() - text.getBytes(StandardCharsets.UTF_8).length;
        if (!options.follow() || !run.running() || (left != null && left <= 0)) {
            return HttpAnswer.text(200, text);
        }
        Instant last = lines.isEmpty() ? null : lines.get(lines.size() - 1).at();
        return new LogFollowReply(target.namespace(), name, container, run.started(), text, last,
                options.timestamps(), left);
    }

    /** What the followed run wrote after {@code after}; ended when the run or the pod is gone. */
    More linesAfter(LogFollowReply follow, Instant after) {
        StoredObject stored = store.get(pods, follow.namespace(), follow.pod());
        if (stored == null) {
            return new More(List.of(), true);
        }
        ObjectNode pod = stored.tree();
        JsonNode status = ContainerRuns.status(pod, follow.container());
        SimulatedLog.Run run = status == null ? null : ContainerRuns.sameRun(status, follow.runStarted());
        if (run == null) {
            return new More(List.of(), true);
        }
        List<SimulatedLog.Line> lines = SimulatedLog.of(pod, ContainerRuns.spec(pod, follow.container()), status, run,
                ContainerRuns.isInit(pod, follow.container()), clock.instant());
        List<SimulatedLog.Line> newer = lines.stream().filter(l -> after == null || l.at().isAfter(after)).toList();
        return new More(newer, !run.running());
    }

    /** sinceSeconds/sinceTime, then tailLines, as the kubelet applies them. */
    private List<SimulatedLog.Line> kept(List<SimulatedLog.Line> lines, PodLogOptions options) {
        Instant since = options.sinceTime() != null ? options.sinceTime()
                : options.sinceSeconds() != null ? clock.instant().minusSeconds(options.sinceSeconds()) : null;
        List<SimulatedLog.Line> kept = since == null ? lines
                : lines.stream().filter(l -> !l.at().isBefore(since)).toList();
        if (options.tailLines() != null && options.tailLines() < kept.size()) {
            kept = kept.subList(kept.size() - options.tailLines().intValue(), kept.size());
        }
        return kept;
    }

    /** The lines as the kubelet writes them (timestamps first when asked), cut at {@code limitBytes}. */
    static String format(List<SimulatedLog.Line> lines, boolean timestamps, Long limitBytes) {
        StringBuilder out = new StringBuilder();
        for (SimulatedLog.Line l : lines) {
            out.append(timestamps ? rfc3339Nano(l.at()) + " " : "").append(l.text()).append('\n');
        }
        String text = out.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (limitBytes != null && limitBytes < bytes.length) {
            return new String(bytes, 0, (int) Math.max(0, limitBytes), StandardCharsets.UTF_8);
        }
        return text;
    }

    /** Go's time.RFC3339Nano, as the kubelet prints --timestamps: trailing zeros of the fraction dropped. */
    static String rfc3339Nano(Instant at) {
        String seconds = java.time.format.DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        String fraction = String.format("%09d", at.getNano()).replaceFirst("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }
}
